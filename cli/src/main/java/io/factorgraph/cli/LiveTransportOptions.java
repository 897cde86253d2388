package io.factorgraph.cli;

import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.transport.IdleMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a live process reaches the others: media driver, channels, idle strategy, heartbeats. */
final class LiveTransportOptions {
    @Option(
            names = "--aeron-dir",
            paramLabel = "DIR",
            description = "The media driver's directory (default: Aeron's, /dev/shm/aeron-USER).")
    String aeronDir;

    @Option(
            names = "--embedded-driver",
            description = "Start a media driver inside this process (its own, in "
                    + "DIR-PID), as a process on a host of its own does for UDP.")
    boolean embeddedDriver;

    @Option(
            names = "--idle",
            paramLabel = "backoff|sleep|yield|busy-spin",
            defaultValue = "backoff",
            description = "How to wait when idle. backoff (default) spins, yields, then parks up to 1 ms; busy-spin "
                    + "burns a core for the lowest latency (pin it: taskset -c N fg live ...).")
    IdleMode idle;

    @Option(
            names = "--channel",
            paramLabel = "URI",
            description = "One Aeron channel for every stream (default aeron:ipc).")
    String channel;

    @Option(
            names = "--udp",
            paramLabel = "HOST:PORT",
            converter = OptionTypes.UdpEndpoint.class,
            description = "Every stream over UDP to HOST at ports PORT..PORT+4 (market data, factors, orders, "
                    + "executions, control).")
    String udp;

    @Option(
            names = "--md-channel",
            paramLabel = "URI",
            description = "Market data stream's channel (connector -> "
                    + "engine; across hosts: aeron:udp?endpoint=ENGINE_HOST:PORT).")
    String mdChannel;

    @Option(
            names = "--factor-channel",
            paramLabel = "URI",
            description = "Factor stream's channel (engine -> " + "strategy).")
    String factorChannel;

    @Option(
            names = "--order-channel",
            paramLabel = "URI",
            description = "Order stream's channel (strategy -> " + "connector).")
    String orderChannel;

    @Option(
            names = "--execution-channel",
            paramLabel = "URI",
            description = "Execution stream's channel " + "(connector -> strategy).")
    String executionChannel;

    @Option(
            names = "--control-channel",
            paramLabel = "URI",
            description = "Control stream's channel (engine -> " + "connector).")
    String controlChannel;

    @Option(
            names = "--heartbeat",
            paramLabel = "DURATION",
            defaultValue = "100ms",
            description = "Heartbeat interval. Default: ${DEFAULT-VALUE}.")
    Duration heartbeat;

    @Option(
            names = "--peer-timeout",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "A peer silent this long is down. Default: ${DEFAULT-VALUE}.")
    Duration peerTimeout;

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        put(args, "aeron-dir", aeronDir);
        put(args, "embedded-driver", embeddedDriver ? "true" : null);
        put(args, "idle", idle.displayName());
        put(args, "channel", channel);
        put(args, "udp", udp);
        put(args, "md-channel", mdChannel);
        put(args, "factor-channel", factorChannel);
        put(args, "order-channel", orderChannel);
        put(args, "execution-channel", executionChannel);
        put(args, "control-channel", controlChannel);
        put(args, "heartbeat", duration(heartbeat));
        put(args, "peer-timeout", duration(peerTimeout));
        return args;
    }

    /** A duration in the canonical form the live processes read ({@code 100ms}), or null. */
    static String duration(Duration duration) {
        return duration == null ? null : Durations.format(duration.toNanos());
    }

    static void put(List<String> args, String name, Object value) {
        if (value != null) {
            args.add("--" + name);
            args.add(String.valueOf(value));
        }
    }

    static void putAll(List<String> args, String name, List<?> values) {
        if (values != null) {
            values.forEach(v -> put(args, name, v));
        }
    }
}
