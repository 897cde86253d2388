package io.factorgraph.live.transport;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.util.concurrent.TimeUnit;

/**
 * The media driver settings of the live processes, for an embedded driver ({@code fg live run}, or a process started
 * with {@code --embedded-driver}) and a standalone one ({@code fg live driver}).
 *
 * <ul>
 *   <li>Term buffers of 4 MiB (IPC and UDP) instead of Aeron's 64/16 MiB: five streams then map about 60 MiB of
 *       shared memory, and a message can still be 512 KiB (a 1000-level snapshot batch is 66 KiB).
 *   <li>A client (a live process) that stops sending keep-alives is dropped after 2 s instead of 10 s, so that a killed
 *       engine stops holding the connector's market data publication back well within the strategy's stale bound.
 *   <li>One shared driver thread that backs off when idle ({@link IdleMode#BACKOFF}), or dedicated busy-spinning
 *       sender, receiver and conductor threads with {@link IdleMode#BUSY_SPIN}.
 * </ul>
 */
public final class MediaDrivers {
    public static final int TERM_LENGTH = 4 * 1024 * 1024;
    public static final long CLIENT_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);

    private MediaDrivers() {}

    public static MediaDriver.Context context(String aeronDir, IdleMode idle) {
        MediaDriver.Context context = new MediaDriver.Context()
                .aeronDirectoryName(aeronDir)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .ipcTermBufferLength(TERM_LENGTH)
                .publicationTermBufferLength(TERM_LENGTH)
                .clientLivenessTimeoutNs(CLIENT_LIVENESS_TIMEOUT_NS)
                .publicationUnblockTimeoutNs(TimeUnit.SECONDS.toNanos(3))
                .imageLivenessTimeoutNs(TimeUnit.SECONDS.toNanos(2))
                .publicationLingerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(200))
                .warnIfDirectoryExists(false)
                .printConfigurationOnStart(false);
        if (idle == IdleMode.BUSY_SPIN) {
            context.threadingMode(ThreadingMode.DEDICATED)
                    .conductorIdleStrategy(IdleMode.BACKOFF.newStrategy())
                    .senderIdleStrategy(IdleMode.BUSY_SPIN.newStrategy())
                    .receiverIdleStrategy(IdleMode.BUSY_SPIN.newStrategy());
        } else {
            context.threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(idle.newStrategy());
        }
        return context;
    }

    /** Starts a driver in this JVM; close it to stop it (and delete its directory). */
    public static MediaDriver launch(String aeronDir, IdleMode idle) {
        return MediaDriver.launchEmbedded(context(aeronDir, idle));
    }
}
