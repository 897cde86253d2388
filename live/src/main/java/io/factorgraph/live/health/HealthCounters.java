package io.factorgraph.live.health;

import io.aeron.Aeron;
import io.aeron.Counter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The health counters of one live process, allocated in its media driver's counters file when the process starts
 * and freed when its Aeron client closes. Each counter's key is the process id and the instance id (two longs), so a
 * reader can tell the counters of two engines apart; its label says the same for people. Updating a counter is a
 * store to shared memory: no allocation, fit for the hot path.
 */
public final class HealthCounters implements AutoCloseable {
    /** Key layout: the process id at offset 0, the instance id at offset 8. */
    public static final int PID_OFFSET = 0;

    public static final int INSTANCE_OFFSET = 8;
    private static final int KEY_LENGTH = 16;

    private final Map<HealthCounter, Counter> counters = new EnumMap<>(HealthCounter.class);

    private HealthCounters() {}

    /** Allocates {@code which} for the process {@code role} (e.g. {@code connector}) with this instance id. */
    public static HealthCounters allocate(Aeron aeron, String role, long instanceId, HealthCounter... which) {
        HealthCounters health = new HealthCounters();
        long pid = ProcessHandle.current().pid();
        UnsafeBuffer key = new UnsafeBuffer(new byte[KEY_LENGTH]);
        key.putLong(PID_OFFSET, pid);
        key.putLong(INSTANCE_OFFSET, instanceId);
        for (HealthCounter counter : which) {
            byte[] label =
                    ("fg live " + role + " pid " + pid + ": " + counter.label()).getBytes(StandardCharsets.US_ASCII);
            health.counters.put(
                    counter,
                    aeron.addCounter(counter.typeId(), key, 0, KEY_LENGTH, new UnsafeBuffer(label), 0, label.length));
        }
        return health;
    }

    /**
     * The counter of a figure this process allocated.
     *
     * @throws IllegalArgumentException for one it did not
     */
    public AtomicCounter get(HealthCounter counter) {
        Counter c = counters.get(counter);
        if (c == null) {
            throw new IllegalArgumentException(counter + " was not allocated for this process");
        }
        return c;
    }

    @Override
    public void close() {
        counters.values().forEach(Counter::close);
    }
}
