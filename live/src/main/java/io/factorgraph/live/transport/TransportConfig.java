package io.factorgraph.live.transport;

import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.LiveArgs;
import java.util.List;
import java.util.Objects;

/**
 * How a live process reaches its peers.
 *
 * @param aeronDir the media driver's directory (a standalone {@code fg live driver}, or {@code fg live run}'s)
 * @param embeddedDriver start a driver of our own inside this process (directory {@code aeronDir-PID}), as on a host
 *     of its own talking UDP to the others
 * @param idle how the process waits when idle
 * @param channels the channel of each stream
 * @param heartbeatNanos how often the process sends heartbeats
 * @param peerTimeoutNanos how long a silent peer counts as alive
 */
public record TransportConfig(
        String aeronDir,
        boolean embeddedDriver,
        IdleMode idle,
        Channels channels,
        long heartbeatNanos,
        long peerTimeoutNanos) {
    public static final long DEFAULT_HEARTBEAT = 100_000_000L;
    public static final long DEFAULT_PEER_TIMEOUT = 1_000_000_000L;

    public TransportConfig {
        Objects.requireNonNull(aeronDir, "aeronDir");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(channels, "channels");
        if (heartbeatNanos <= 0 || peerTimeoutNanos <= heartbeatNanos) {
            throw new IllegalArgumentException("--peer-timeout (" + Durations.format(peerTimeoutNanos)
                    + ") must be longer than --heartbeat (" + Durations.format(heartbeatNanos) + ")");
        }
    }

    public static TransportConfig ipc(String aeronDir) {
        return new TransportConfig(
                aeronDir, false, IdleMode.BACKOFF, Channels.ipc(), DEFAULT_HEARTBEAT, DEFAULT_PEER_TIMEOUT);
    }

    public TransportConfig withChannels(Channels c) {
        return new TransportConfig(aeronDir, embeddedDriver, idle, c, heartbeatNanos, peerTimeoutNanos);
    }

    public TransportConfig withEmbeddedDriver(boolean embedded) {
        return new TransportConfig(aeronDir, embedded, idle, channels, heartbeatNanos, peerTimeoutNanos);
    }

    public TransportConfig withIdle(IdleMode mode) {
        return new TransportConfig(aeronDir, embeddedDriver, mode, channels, heartbeatNanos, peerTimeoutNanos);
    }

    public TransportConfig withTimes(long heartbeat, long peerTimeout) {
        return new TransportConfig(aeronDir, embeddedDriver, idle, channels, heartbeat, peerTimeout);
    }

    public AeronSession connect() {
        return AeronSession.connect(aeronDir, embeddedDriver, idle);
    }

    public static TransportConfig fromArgs(LiveArgs args) {
        String dir = args.get("aeron-dir").orElseGet(AeronSession::defaultDirectory);
        Channels base = args.get("udp", null, TransportConfig::udp);
        if (base == null) {
            base = Channels.same(args.get("channel").orElse(Channels.IPC));
        }
        Channels channels = new Channels(
                args.get("md-channel").orElse(base.marketData()),
                args.get("factor-channel").orElse(base.factors()),
                args.get("order-channel").orElse(base.orders()),
                args.get("execution-channel").orElse(base.executions()),
                args.get("control-channel").orElse(base.control()));
        return new TransportConfig(
                dir,
                args.flag("embedded-driver", false),
                args.get("idle", IdleMode.BACKOFF, IdleMode::parse),
                channels,
                args.nanos("heartbeat", DEFAULT_HEARTBEAT),
                args.nanos("peer-timeout", DEFAULT_PEER_TIMEOUT));
    }

    /** {@code HOST:PORT}: every stream over UDP to HOST at PORT .. PORT+4 ({@link Channels#udp}). */
    public static Channels udp(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535 - 4) {
            throw new IllegalArgumentException(
                    "'" + hostPort + "': expected HOST:PORT with PORT..PORT+4 free, e.g. " + "127.0.0.1:40100");
        }
        return Channels.udp(hostPort.substring(0, colon), port);
    }

    public List<String> toArgs() {
        return new LiveArgs.Writer()
                .put("aeron-dir", aeronDir)
                .put("embedded-driver", embeddedDriver)
                .put("idle", idle.displayName())
                .put("md-channel", channels.marketData())
                .put("factor-channel", channels.factors())
                .put("order-channel", channels.orders())
                .put("execution-channel", channels.executions())
                .put("control-channel", channels.control())
                .put("heartbeat", Durations.format(heartbeatNanos))
                .put("peer-timeout", Durations.format(peerTimeoutNanos))
                .build();
    }
}
