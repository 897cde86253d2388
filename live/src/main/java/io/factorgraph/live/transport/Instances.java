package io.factorgraph.live.transport;

import java.security.SecureRandom;

/** Instance ids: one random non-zero number per process start, so receivers can tell a restart from a gap. */
public final class Instances {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Instances() {}

    public static long newInstanceId() {
        long id;
        do {
            id = RANDOM.nextLong() & Long.MAX_VALUE;
        } while (id == 0);
        return id;
    }
}
