package io.factorgraph.live.launch;

import io.aeron.driver.MediaDriver;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;

/** {@code fg live driver}: a standalone media driver the live processes of one host share, until SIGTERM. */
public final class DriverProcess {
    private DriverProcess() {}

    public static int run(String aeronDir, IdleMode idle, ProcessLog log, ShutdownSignal shutdown)
            throws InterruptedException {
        try (MediaDriver driver = MediaDrivers.launch(aeronDir, idle)) {
            log.info("media driver running in " + driver.aeronDirectoryName() + " (" + idle.displayName()
                    + "); stop it with SIGTERM");
            while (!shutdown.raised()) {
                Thread.sleep(50);
            }
            log.info("media driver stopping");
        } finally {
            shutdown.finished();
        }
        return 0;
    }
}
