package io.factorgraph.live;

import java.util.List;

/**
 * The JVM options a live process needs on Java 25. Agrona 2 (under Aeron) reaches {@code jdk.internal.misc.Unsafe}
 * through its {@code UnsafeApi}; without the module opened to it, the first buffer it creates fails with an
 * {@code IllegalAccessError}. That is the only flag needed, for IPC and UDP alike: no {@code sun.misc.Unsafe}
 * memory-access warnings appear on 25 (checked with Aeron 1.48.4, Agrona 2.2.4). The second lets a connector that
 * replays recorded gzip feeds inflate them through libdeflate ({@code WholeGzip}) without the JVM's warning about
 * native access. The launcher passes these to every
 * process it starts; the live module's tests run with them (surefire {@code argLine}); {@code bin/fg} needs them for
 * {@code fg live} to run in its own JVM (else the command restarts itself in a child JVM that has them).
 */
public final class JvmFlags {
    /** The options, one per element, for a {@code java} command line. */
    public static final List<String> REQUIRED =
            List.of("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");

    private JvmFlags() {}

    /** Whether this JVM was started with {@link #REQUIRED} (so Agrona can work here). */
    public static boolean presentInThisJvm() {
        Module misc = Object.class.getModule();
        return misc.isOpen("jdk.internal.misc", JvmFlags.class.getModule())
                || misc.isExported("jdk.internal.misc", JvmFlags.class.getModule());
    }
}
