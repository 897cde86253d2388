package io.factorgraph.live.launch;

import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.IdleMode;
import java.util.List;
import java.util.Objects;

/**
 * What {@code fg live run} starts.
 *
 * @param connector the connector's options
 * @param engine the engine's options
 * @param strategy the strategy's options
 * @param driver {@code embedded}: a media driver inside the launcher, shared by the three (at their common Aeron
 *     directory); {@code external}: one is already running there ({@code fg live driver}); {@code per-process}: each
 *     process starts its own (for UDP channels, as on separate hosts)
 * @param driverIdle how the launcher's embedded driver waits
 * @param jvmOptions extra options for each process's JVM (e.g. {@code -Xmx256m})
 */
public record LaunchConfig(
        ConnectorConfig connector,
        EngineConfig engine,
        StrategyConfig strategy,
        String driver,
        IdleMode driverIdle,
        List<String> jvmOptions) {
    public LaunchConfig {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(strategy, "strategy");
        jvmOptions = List.copyOf(jvmOptions);
        if (!List.of("embedded", "external", "per-process").contains(driver)) {
            throw new IllegalArgumentException("--driver '" + driver + "': expected embedded, external or per-process");
        }
    }
}
