package io.factorgraph.bench.ipc;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.SequencedPublication;
import java.io.File;
import java.util.concurrent.ThreadLocalRandom;
import org.agrona.IoUtil;

/**
 * A ping-pong of one {@link Hop} over {@code aeron:ipc} between two threads of this JVM, through a media driver
 * embedded the way a live process embeds one ({@link AeronSession}: {@code MediaDrivers}' settings, in a directory of
 * its own under {@code /dev/shm}, deleted on {@link #close()}).
 *
 * <p>{@link #roundTrip()}, on the caller's thread: the originator end encodes and sends its message, the echo thread
 * receives and decodes it and sends it back encoded again, and the originator receives and decodes the echo. Both
 * ends and the driver wait with {@link #IDLE}: {@code yield}, the idle mode of the live processes' latency figures; a
 * busy-spinning echo and caller would take both cores of the 2-core development machine from the driver and
 * everything else. Half a round trip is one hop.
 */
public final class HopLink implements AutoCloseable {
    /** The idle strategy of both ends and the driver. */
    public static final IdleMode IDLE = IdleMode.YIELD;
    /** Room for the largest message of any hop (a full market data batch) in a publication's buffer. */
    private static final int CAPACITY = io.factorgraph.live.codec.MarketDataWriter.MAX_LENGTH + 1024;
    private static final long CONNECT_NANOS = 10_000_000_000L;

    private final Hop hop;
    private final AeronSession session;
    private final String directory;
    private final HopEnd originator;
    private final HopEnd echo;
    private final Thread echoThread;
    private volatile boolean stopped;
    private volatile Throwable echoFailure;

    private HopLink(Hop hop, HopMessages messages) {
        this.hop = hop;
        String base = (new File("/dev/shm").isDirectory() ? "/dev/shm" : System.getProperty("java.io.tmpdir"))
                + "/fg-ipc-bench-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        session = AeronSession.connect(base, true, IDLE);
        directory = session.aeron().context().aeronDirectoryName();
        try {
            Publication out = session.publication(Channels.IPC, hop.outStream());
            Subscription outIn = session.subscription(Channels.IPC, hop.outStream());
            Publication back = session.publication(Channels.IPC, hop.backStream());
            Subscription backIn = session.subscription(Channels.IPC, hop.backStream());
            originator = end(hop, messages, out, backIn, false);
            echo = end(hop, messages, back, outIn, true);
            awaitConnected(out, back);
        } catch (RuntimeException e) {
            closeSession();
            throw e;
        }
        echoThread = new Thread(this::echoLoop, "ipc-echo-" + hop.param());
        echoThread.setDaemon(true);
        echoThread.start();
    }

    /** Starts the driver, connects both ends and starts the echo thread. */
    public static HopLink open(Hop hop, HopMessages messages) {
        return new HopLink(hop, messages);
    }

    private HopEnd end(Hop hop, HopMessages messages, Publication publication, Subscription in, boolean isEcho) {
        if (hop.raw()) {
            return new RawPingEnd(publication, in, messages.length(hop), IDLE.newStrategy(), this::stopped, isEcho);
        }
        SequencedPublication out = new SequencedPublication(publication, IDLE.newStrategy(), CAPACITY)
                .abandonWhen(this::stopped);
        return switch (hop) {
            case MARKET_DATA -> new MarketDataEnd(out, in, messages.batch(), IDLE.newStrategy(), this::stopped, isEcho);
            case FACTORS -> new FactorUpdateEnd(out, in, messages, IDLE.newStrategy(), this::stopped, isEcho);
            case ORDER -> new OrderEnd(out, in, messages, IDLE.newStrategy(), this::stopped, isEcho);
            case REPORT -> new ReportEnd(out, in, messages, IDLE.newStrategy(), this::stopped, isEcho);
            case PING, PING_BATCH -> throw new AssertionError(hop);
        };
    }

    private static void awaitConnected(Publication out, Publication back) {
        long deadline = System.nanoTime() + CONNECT_NANOS;
        while (!out.isConnected() || !back.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the IPC publications did not connect within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private void echoLoop() {
        try {
            while (echo.receive()) {
                echo.send();
            }
        } catch (Throwable t) {
            echoFailure = t;
            stopped = true;
        }
    }

    private boolean stopped() {
        return stopped;
    }

    /** One message there and back; half of its time is the hop's latency. */
    public void roundTrip() {
        originator.send();
        if (!originator.receive()) {
            throw new IllegalStateException("the echo of " + hop.param() + " stopped", echoFailure);
        }
    }

    public Hop hop() {
        return hop;
    }

    /** The calling thread's end: what it sent and what came back. */
    public HopEnd originator() {
        return originator;
    }

    /** The echo thread's id (a test counts its allocations). */
    public long echoThreadId() {
        return echoThread.threadId();
    }

    /** The media driver's directory (gone after {@link #close()}). */
    public String directory() {
        return directory;
    }

    /** Stops the echo thread, closes the client and the driver, and deletes the driver's directory. */
    @Override
    public void close() {
        stopped = true;
        try {
            echoThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSession();
    }

    private void closeSession() {
        try {
            session.close();
        } finally {
            IoUtil.delete(new File(directory), true);
        }
    }
}
