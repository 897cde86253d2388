package io.factorgraph.live.launch;

import io.factorgraph.live.JvmFlags;
import io.factorgraph.live.connector.Connector;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.connector.VenueConnector;
import io.factorgraph.live.engine.Engine;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.strategy.StrategyRunner;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.runtime.data.MarketDataException;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of one live process: {@code java <JvmFlags> -cp ... io.factorgraph.live.launch.LiveMain ROLE
 * --option value ...}, with ROLE {@code connector}, {@code engine}, {@code strategy} or {@code driver}. This is how
 * {@code fg live run} (and the tests) start the processes; {@code fg live ROLE} parses the same options for people.
 * Exit code 0 on a clean run, 1 on bad input or a failure (one line on standard error), 2 on missing JVM flags.
 */
public final class LiveMain {
    /** This process's shutdown signal (one per JVM). */
    private static final ShutdownSignal SIGNAL = new ShutdownSignal();

    private LiveMain() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args));
        SIGNAL.exit(code);
    }

    public static int run(List<String> args) {
        try {
            return runRole(args);
        } finally {
            if (!SIGNAL.raised()) {
                SIGNAL.ended();
            }
        }
    }

    private static int runRole(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("usage: LiveMain connector|engine|strategy|driver --option value ...");
            return 1;
        }
        String role = args.get(0);
        ProcessLog log = new ProcessLog(role, System.err);
        if (!JvmFlags.presentInThisJvm()) {
            log.error("this JVM lacks " + String.join(" ", JvmFlags.REQUIRED) + " (Aeron's Agrona needs it)");
            return 2;
        }
        try {
            LiveArgs options = LiveArgs.parse(args.subList(1, args.size()));
            ShutdownSignal shutdown = SIGNAL;
            return switch (role) {
                case "connector" -> {
                    ConnectorConfig config = ConnectorConfig.fromArgs(options);
                    options.requireAllUsed();
                    shutdown.install(5_000);
                    yield new Connector(config, log, shutdown).run();
                }
                case "engine" -> {
                    EngineConfig config = EngineConfig.fromArgs(options);
                    options.requireAllUsed();
                    shutdown.install(3_000);
                    yield new Engine(config, log, shutdown).run();
                }
                case "strategy" -> {
                    StrategyConfig config = StrategyConfig.fromArgs(options);
                    options.requireAllUsed();
                    shutdown.install(5_000);
                    yield new StrategyRunner(config, log, shutdown, System.out).run();
                }
                case "driver" -> {
                    String dir = options.get("aeron-dir").orElseGet(AeronSession::defaultDirectory);
                    IdleMode idle = options.get("idle", IdleMode.BACKOFF, IdleMode::parse);
                    options.requireAllUsed();
                    shutdown.install(3_000);
                    yield DriverProcess.run(dir, idle, log, shutdown);
                }
                default -> {
                    // a real venue's connector, from a module on the class path (docs/DESIGN.md §8)
                    VenueConnector venue = VenueConnector.find(role);
                    if (venue == null) {
                        log.error("unknown role '" + role + "': expected connector, engine, strategy or driver");
                        yield 1;
                    }
                    shutdown.install(5_000);
                    yield venue.run(options, log, shutdown);
                }
            };
        } catch (io.aeron.exceptions.DriverTimeoutException e) {
            log.error("no Aeron media driver answers (" + e.getMessage() + "): start one with `fg live driver`, or "
                    + "give --embedded-driver");
            return 1;
        } catch (IllegalArgumentException | MarketDataException e) {
            log.error(e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }
}
