package io.factorgraph.bench.ipc;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.live.transport.SequencedPublication;
import java.io.File;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;

/**
 * A ping-pong of one {@link Hop} over {@code aeron:ipc} between two threads of this JVM, through a media driver
 * embedded the way a live process embeds one ({@link AeronSession#connect}: {@link MediaDrivers}' settings, the same
 * client settings, a directory of its own under {@code /dev/shm}, deleted on {@link #close()} or when the JVM is
 * stopped). One setting differs, and it is off the data path: a client whose conductor thread has not run for 2 s is
 * dropped in the live processes (so that a dead engine is noticed quickly); on the loaded 2-core machine the benchmarks
 * run on, the client's conductor thread has gone unscheduled for longer than that (2.7 s seen), which closed the client
 * and ended the run, so here the client liveness timeout is {@link #CLIENT_LIVENESS_NANOS}.
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
    private static final int CAPACITY = MarketDataWriter.MAX_LENGTH + 1024;

    private static final long CONNECT_NANOS = 10_000_000_000L;
    /** How long a silent client stays connected (the live processes: 2 s). */
    public static final long CLIENT_LIVENESS_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Hop hop;
    private final String directory;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final Thread deleteOnExit;
    private final HopEnd originator;
    private final HopEnd echo;
    private final Thread echoThread;
    private volatile boolean stopped;
    private volatile Throwable echoFailure;

    private HopLink(Hop hop, HopMessages messages) {
        this.hop = hop;
        directory = (new File("/dev/shm").isDirectory() ? "/dev/shm" : System.getProperty("java.io.tmpdir"))
                + "/fg-ipc-bench-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + "-"
                + ProcessHandle.current().pid();
        deleteOnExit = new Thread(() -> IoUtil.delete(new File(directory), true), "ipc-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
        driver = MediaDriver.launchEmbedded(MediaDrivers.context(directory, IDLE)
                .clientLivenessTimeoutNs(CLIENT_LIVENESS_NANOS)
                .publicationUnblockTimeoutNs(CLIENT_LIVENESS_NANOS + TimeUnit.SECONDS.toNanos(1)));
        Aeron client = null;
        try {
            client = Aeron.connect(AeronSession.clientContext(directory));
        } finally {
            if (client == null) {
                closeAll(null, driver);
            }
        }
        aeron = client;
        try {
            Publication out = aeron.addExclusivePublication(Channels.IPC, hop.outStream());
            Subscription outIn = aeron.addSubscription(Channels.IPC, hop.outStream());
            Publication back = aeron.addExclusivePublication(Channels.IPC, hop.backStream());
            Subscription backIn = aeron.addSubscription(Channels.IPC, hop.backStream());
            originator = end(hop, messages, out, backIn, false);
            echo = end(hop, messages, back, outIn, true);
            awaitConnected(out, back);
        } catch (RuntimeException e) {
            closeAll(aeron, driver);
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
        SequencedPublication out =
                new SequencedPublication(publication, IDLE.newStrategy(), CAPACITY).abandonWhen(this::stopped);
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

    /** Closing, the echo failed, or the client was closed under us (both ends then give up rather than wait). */
    private boolean stopped() {
        return stopped || aeron.isClosed();
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
        closeAll(aeron, driver);
    }

    private void closeAll(Aeron client, MediaDriver mediaDriver) {
        try {
            CloseHelper.closeAll(client, mediaDriver);
        } finally {
            IoUtil.delete(new File(directory), true);
            try {
                Runtime.getRuntime().removeShutdownHook(deleteOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }
}
