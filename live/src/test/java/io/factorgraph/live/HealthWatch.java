package io.factorgraph.live;

import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.LiveProcess;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.agrona.concurrent.status.CountersReader;

/**
 * The live processes' health counters as the test sees them in the media driver's counters file. A process's counters
 * are freed when it exits (a freed counter is no longer listed), so a thread reads them every millisecond and keeps the
 * last value of each: a test reads a process's figures while it runs and after it has gone.
 */
final class HealthWatch implements AutoCloseable {
    private final CountersReader counters;
    private final Map<Long, EnumMap<HealthCounter, Long>> byPid = new HashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    HealthWatch(LiveTestCluster cluster) {
        this.counters = cluster.aeron.countersReader();
        this.poller = new Thread(this::poll, "health-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            scan();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void scan() {
        counters.forEach((counterId, typeId, key, label) -> {
            HealthCounter which = HealthCounter.ofTypeId(typeId);
            if (which == null) {
                return;
            }
            long pid = key.getLong(HealthCounters.PID_OFFSET);
            long value = counters.getCounterValue(counterId);
            synchronized (byPid) {
                byPid.computeIfAbsent(pid, p -> new EnumMap<>(HealthCounter.class)).put(which, value);
            }
        });
    }

    /** The last value seen of a process's counter; -1 when it was never seen (not allocated, or not yet). */
    long value(LiveProcess process, HealthCounter counter) {
        scan();
        synchronized (byPid) {
            EnumMap<HealthCounter, Long> values = byPid.get(process.pid());
            return values == null ? -1 : values.getOrDefault(counter, -1L);
        }
    }

    /** Waits until a process's counter reaches {@code atLeast}; false when the timeout passes first. */
    boolean await(LiveProcess process, HealthCounter counter, long atLeast, java.time.Duration timeout)
            throws InterruptedException {
        return LiveTestCluster.await(() -> value(process, counter) >= atLeast, timeout);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(1_000);
    }
}
