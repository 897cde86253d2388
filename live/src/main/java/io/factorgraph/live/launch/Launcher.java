package io.factorgraph.live.launch;

import io.aeron.driver.MediaDriver;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.MediaDrivers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fg live run}: a media driver (embedded here, or an external one) and the strategy, engine and connector, each
 * in its own JVM. The strategy starts first, then the engine (it waits for the strategy to subscribe to its factors),
 * then the connector (it waits for both to subscribe before replaying, so nobody misses the start). The launcher waits
 * for the connector to finish the data (and the strategy and engine to finish after it), prints the processes' lines
 * prefixed with their role on the error stream, and the strategy's summary on the output stream.
 *
 * <p>SIGTERM to the launcher stops the strategy first (its cancel-all must reach a venue that is still there), then the
 * engine, then the connector.
 */
public final class Launcher {
    private final LaunchConfig config;
    private String connectorRole = "connector";
    private List<String> connectorArgs;
    private final PrintStream out;
    private final PrintStream err;
    private final List<LiveProcess> processes = new ArrayList<>();
    private volatile boolean stopping;
    private final java.util.concurrent.CountDownLatch runFinished = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicReference<MediaDriver> driver =
            new java.util.concurrent.atomic.AtomicReference<>();

    public Launcher(LaunchConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts a real venue's connector ({@link io.factorgraph.live.connector.VenueConnector}, docs/DESIGN.md §8) with
     * these options in place of the replaying one; the launch config's connector then gives only the transport.
     */
    public Launcher connector(String role, List<String> options) {
        this.connectorRole = role;
        this.connectorArgs = List.copyOf(options);
        return this;
    }

    /** Runs everything to the end of the data; returns 0 when every process exited cleanly. */
    public int run() throws IOException, InterruptedException {
        String aeronDir = config.connector().transport().aeronDir();
        if (config.driver().equals("embedded")) {
            driver.set(MediaDrivers.launch(aeronDir, config.driverIdle()));
        } else if (config.driver().equals("external") && !AeronSession.driverRunning(aeronDir)) {
            throw new IllegalArgumentException("no media driver is running in " + aeronDir
                    + ": start one with `fg live driver --aeron-dir " + aeronDir + "`, or use --driver embedded");
        }
        Path summary = config.strategy().summaryFile();
        Path tempSummary = null;
        if (summary == null) {
            tempSummary = Files.createTempFile("fg-live-summary", ".txt");
            summary = tempSummary;
        }
        var strategyConfig = new io.factorgraph.live.strategy.StrategyConfig(
                config.strategy().graph(),
                config.strategy().transport(),
                config.strategy().lotSize(),
                config.strategy().staleAfterNanos(),
                config.strategy().lockstep(),
                config.strategy().ordersLog(),
                summary,
                config.strategy().testDropOrders());
        Thread hook = new Thread(
                () -> {
                    stopAll();
                    try {
                        runFinished.await(
                                5, TimeUnit.SECONDS); // the run's own clean-up (it closes the driver) goes first
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    closeDriver();
                },
                "fg-live-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int worst = 0;
        try {
            LiveProcess strategy = start("strategy", strategyConfig.toArgs());
            LiveProcess engine = start("engine", config.engine().toArgs());
            LiveProcess connector = start(
                    connectorRole, connectorArgs == null ? config.connector().toArgs() : connectorArgs);
            int c = connector.waitFor(Long.MAX_VALUE, TimeUnit.DAYS);
            int s = strategy.waitFor(15, TimeUnit.SECONDS);
            int e = engine.waitFor(15, TimeUnit.SECONDS);
            if (s == -1) {
                s = strategy.stop(5_000);
            }
            if (e == -1) {
                e = engine.stop(5_000);
            }
            for (int code : new int[] {c, s, e}) {
                if (code != 0) {
                    worst = 1;
                }
            }
            if (!stopping && Files.isRegularFile(summary)) {
                out.print(Files.readString(summary, StandardCharsets.UTF_8));
                out.flush();
            }
            if (worst != 0) {
                err.println("fg live run: a process failed (exit codes: connector " + c + ", engine " + e
                        + ", strategy " + s + ")");
            }
        } finally {
            stopAll();
            if (!stopping) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // shutting down already
                }
            }
            closeDriver();
            if (tempSummary != null) {
                Files.deleteIfExists(tempSummary);
            }
            runFinished.countDown();
        }
        return worst;
    }

    /** Closes the embedded driver once (it deletes its directory). */
    private void closeDriver() {
        MediaDriver d = driver.getAndSet(null);
        if (d != null) {
            d.close();
        }
    }

    private LiveProcess start(String role, List<String> options) throws IOException {
        LiveProcess process = LiveProcess.start(role, options, config.jvmOptions(), LiveProcess.prefixed(role, err));
        processes.add(process);
        return process;
    }

    /** Strategy first, then engine, then connector: each gets SIGTERM and a few seconds for its clean exit. */
    private void stopAll() {
        boolean anyAlive = processes.stream().anyMatch(LiveProcess::isAlive);
        if (!anyAlive) {
            return;
        }
        stopping = true;
        for (LiveProcess p : processes) {
            try {
                p.stop(6_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.kill();
            }
        }
    }
}
