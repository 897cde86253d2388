package io.factorgraph.live.transport;

import java.util.Objects;

/**
 * The Aeron channel of each stream ({@link Streams}). On one host every stream can share {@code aeron:ipc} (shared
 * memory through the media driver). Across hosts each stream is a UDP channel whose endpoint is on the subscriber's
 * host: market data on the engine's, factors on the strategy's, orders and control on the connector's, executions on
 * the strategy's. {@link #udp(String, int)} puts all five on one host at consecutive ports, which is what the loopback
 * test uses; give the channels one by one for several hosts.
 */
public record Channels(String marketData, String factors, String orders, String executions, String control) {
    public static final String IPC = "aeron:ipc";

    public Channels {
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(control, "control");
    }

    /** Every stream over shared memory. */
    public static Channels ipc() {
        return same(IPC);
    }

    /** Every stream on one channel (streams are told apart by their ids). */
    public static Channels same(String channel) {
        return new Channels(channel, channel, channel, channel, channel);
    }

    /**
     * Every stream over UDP unicast to {@code host}, at ports {@code basePort} (market data), +1 (factors), +2 (orders),
     * +3 (executions), +4 (control).
     */
    public static Channels udp(String host, int basePort) {
        if (basePort < 1 || basePort + 4 > 65535) {
            throw new IllegalArgumentException(
                    "UDP base port must leave room for 5 ports in 1..65535, was " + basePort);
        }
        return new Channels(
                udpChannel(host, basePort),
                udpChannel(host, basePort + 1),
                udpChannel(host, basePort + 2),
                udpChannel(host, basePort + 3),
                udpChannel(host, basePort + 4));
    }

    private static String udpChannel(String host, int port) {
        return "aeron:udp?endpoint=" + host + ":" + port;
    }

    /** For logs: the channel when all five share one, else each stream's. */
    public String describe() {
        if (marketData.equals(factors)
                && factors.equals(orders)
                && orders.equals(executions)
                && executions.equals(control)) {
            return marketData;
        }
        return "market data " + marketData + ", factors " + factors + ", orders " + orders + ", executions "
                + executions + ", control " + control;
    }

    /** A channel for a monitor that must never slow the publisher down (IPC subscribers untethered). */
    public static String untethered(String channel) {
        if (channel.startsWith(IPC)) {
            return channel.contains("?") ? channel + "|tether=false" : channel + "?tether=false";
        }
        return channel;
    }
}
