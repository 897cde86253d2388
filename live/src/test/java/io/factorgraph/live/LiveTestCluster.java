package io.factorgraph.live;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.live.transport.TransportConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A media driver in the test JVM, an Aeron client for the test's own monitors, and live processes in JVMs of their own
 * whose output is kept (and echoed, prefixed) for assertions. Closing it stops whatever still runs (SIGTERM, then
 * SIGKILL) and deletes the driver's directory.
 */
final class LiveTestCluster implements AutoCloseable {
    final String aeronDir;
    private final MediaDriver driver;
    final Aeron aeron;
    private final List<LiveProcess> processes = new ArrayList<>();
    private final Map<String, StringBuilder> logs = new LinkedHashMap<>();

    private LiveTestCluster(String aeronDir, MediaDriver driver, Aeron aeron) {
        this.aeronDir = aeronDir;
        this.driver = driver;
        this.aeron = aeron;
    }

    static LiveTestCluster start() {
        String dir = "/dev/shm/fg-live-test-" + UUID.randomUUID().toString().substring(0, 8);
        MediaDriver driver = MediaDrivers.launch(dir, IdleMode.BACKOFF);
        Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir));
        return new LiveTestCluster(dir, driver, aeron);
    }

    TransportConfig transport() {
        return TransportConfig.ipc(aeronDir);
    }

    LiveProcess launch(String name, String role, List<String> options) throws IOException {
        StringBuilder log;
        synchronized (logs) {
            log = logs.computeIfAbsent(name, k -> new StringBuilder());
        }
        LiveProcess process = LiveProcess.start(role, options, List.of("-Xmx256m", "-XX:+UseSerialGC"), line -> {
            synchronized (log) {
                log.append(line).append('\n');
            }
            System.out.println("[" + name + "] " + line);
        });
        processes.add(process);
        return process;
    }

    String log(String name) {
        StringBuilder log;
        synchronized (logs) {
            log = logs.get(name);
        }
        if (log == null) {
            return "";
        }
        synchronized (log) {
            return log.toString();
        }
    }

    /** Waits until {@code condition} holds; false when {@code timeout} passes first. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    boolean awaitLog(String name, String text, Duration timeout) throws InterruptedException {
        return await(() -> log(name).contains(text), timeout);
    }

    @Override
    public void close() {
        for (LiveProcess p : processes) {
            try {
                p.stop(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.kill();
            }
        }
        aeron.close();
        driver.close();
    }
}
