package io.factorgraph.live.launch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (or SIGINT) as a flag the process's loop polls: the JVM's shutdown hook raises it and then waits, up to a
 * bound, for the loop to finish its clean exit (cancel-all acknowledged, last messages sent), so the process does not
 * die in the middle of it.
 */
public final class ShutdownSignal {
    private volatile boolean raised;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;

    /** Installs the JVM hook; the hook waits up to {@code graceMillis} for {@link #finished()}. */
    public ShutdownSignal install(long graceMillis) {
        hook = new Thread(() -> {
            raised = true;
            try {
                finished.await(graceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fg-live-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    public boolean raised() {
        return raised;
    }

    /** Raises the flag from inside the process (tests, a fatal condition). */
    public void raise() {
        raised = true;
    }

    /** Says the clean exit is done; the hook lets the JVM go. */
    public void finished() {
        finished.countDown();
    }
}
