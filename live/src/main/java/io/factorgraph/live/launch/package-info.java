/**
 * Starting and stopping live processes: {@code fg live run}'s launcher, the entry point of each process, its options,
 * its log, and its reaction to SIGTERM.
 *
 * <p>Start at {@link io.factorgraph.live.launch.Launcher} (a media driver, then strategy, engine and connector, each in
 * a JVM of its own, started in the order that lets nobody miss the start) and
 * {@link io.factorgraph.live.launch.LiveMain} (one process: a role and its options). Separate JVMs, not threads,
 * because that is what live trading runs (docs/DESIGN.md §8): a process can die or restart on its own, and the
 * fail-safes are tested against real ones. Options travel as {@code --name value} pairs
 * ({@link io.factorgraph.live.launch.LiveArgs}), the form each process config writes itself back to, so the launcher
 * and a person starting {@code fg live ROLE} by hand use the same parser; unknown or missing values name the option.
 *
 * <p>Shutdown is ordered because cancels must reach a venue that is still there: SIGTERM stops the strategy first
 * (cancel-all, acknowledged), then the engine, then the connector, and
 * {@link io.factorgraph.live.launch.ShutdownSignal} turns the signal into a flag the process's loop polls, holding the
 * JVM until the clean exit is done. Fault injection for tests ({@link io.factorgraph.live.launch.TestHooks}) is off
 * unless asked for. The processes themselves are in {@code connector}, {@code engine} and {@code strategy}; the JVM
 * flags Aeron needs are {@link io.factorgraph.live.JvmFlags}.
 */
package io.factorgraph.live.launch;
