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
    private volatile boolean exiting;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;

    /** Installs the JVM hook; the hook waits up to {@code graceMillis} for {@link #finished()}. */
    public ShutdownSignal install(long graceMillis) {
        hook = new Thread(
                () -> {
                    if (exiting) {
                        return;
                    }
                    raised = true;
                    try {
                        if (finished.await(graceMillis, TimeUnit.MILLISECONDS)) {
                            // a signal asked us to stop and we did, cleanly: say so with exit code 0 (not 143)
                            System.out.flush();
                            System.err.flush();
                            Runtime.getRuntime().halt(0);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "fg-live-shutdown");
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

    /** Exits the JVM with {@code code} after the run ended by itself (the hook then does nothing). */
    public void exit(int code) {
        exiting = true;
        System.exit(code);
    }

    /** Says the run ended by itself, so that a later {@code System.exit} elsewhere keeps its own exit code. */
    public void ended() {
        exiting = true;
    }

    /** Says the clean exit is done; the hook lets the JVM go. */
    public void finished() {
        finished.countDown();
    }
}
