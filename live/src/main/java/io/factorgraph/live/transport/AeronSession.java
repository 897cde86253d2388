package io.factorgraph.live.transport;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import java.nio.file.Path;

/**
 * One process's connection to Aeron: a client of a media driver at {@code aeronDir} (a standalone driver, or the one
 * of {@code fg live run}), or of a driver it starts for itself ({@code embeddedDriver}, in a directory of its own next
 * to {@code aeronDir}). Closing it closes the client, then the driver.
 */
public final class AeronSession implements AutoCloseable {
    private final MediaDriver driver;
    private final Aeron aeron;

    private AeronSession(MediaDriver driver, Aeron aeron) {
        this.driver = driver;
        this.aeron = aeron;
    }

    public static AeronSession connect(String aeronDir, boolean embeddedDriver, IdleMode idle) {
        MediaDriver driver = null;
        String dir = aeronDir;
        if (embeddedDriver) {
            dir = aeronDir + "-" + ProcessHandle.current().pid();
            driver = MediaDrivers.launch(dir, idle);
        }
        try {
            return new AeronSession(driver, Aeron.connect(clientContext(dir)));
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            throw e;
        }
    }

    /** The client settings of a live process: a driver silent for 10 s is gone; the client conductor idles 1 ms. */
    public static Aeron.Context clientContext(String aeronDir) {
        return new Aeron.Context()
                .aeronDirectoryName(aeronDir)
                .driverTimeoutMs(10_000)
                .idleSleepDurationNs(1_000_000);
    }

    /** Aeron's default directory for this user ({@code /dev/shm/aeron-USER} on Linux). */
    public static String defaultDirectory() {
        return io.aeron.CommonContext.getAeronDirectoryName();
    }

    public static boolean driverRunning(String aeronDir) {
        return io.aeron.CommonContext.isDriverActive(Path.of(aeronDir).toFile(), 5_000, s -> {});
    }

    public Aeron aeron() {
        return aeron;
    }

    public Publication publication(String channel, int streamId) {
        return aeron.addExclusivePublication(channel, streamId);
    }

    public Subscription subscription(String channel, int streamId) {
        return aeron.addSubscription(channel, streamId);
    }

    @Override
    public void close() {
        aeron.close();
        if (driver != null) {
            driver.close();
        }
    }
}
