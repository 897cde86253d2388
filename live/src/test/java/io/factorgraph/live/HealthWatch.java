package io.factorgraph.live;

import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.LiveProcess;
import java.util.HashMap;
import java.util.Map;
import org.agrona.concurrent.status.CountersReader;

/**
 * The live processes' health counters as the test sees them in the media driver's counters file, by process id. A
 * process's counters are freed when it exits: a freed counter is no longer listed but keeps its last value until its
 * slot is given to a new counter (with a new registration id). So each counter is found by its key while listed
 * (a thread looks every millisecond), then read at its slot for as long as the slot is still its own, and otherwise
 * the last value seen is kept: a test reads a process's figures while it runs and after it has gone.
 */
final class HealthWatch implements AutoCloseable {
    private record Slot(int counterId, long registrationId) {}

    private final CountersReader counters;
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    HealthWatch(LiveTestCluster cluster) {
        this.counters = cluster.aeron.countersReader();
        this.poller = new Thread(this::poll, "health-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private static String key(long pid, HealthCounter counter) {
        return pid + "/" + counter;
    }

    private void poll() {
        while (running) {
            scan();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void scan() {
        counters.forEach((counterId, typeId, key, label) -> {
            HealthCounter which = HealthCounter.ofTypeId(typeId);
            if (which != null) {
                String k = key(key.getLong(HealthCounters.PID_OFFSET), which);
                slots.put(k, new Slot(counterId, counters.getCounterRegistrationId(counterId)));
                lastSeen.put(k, counters.getCounterValue(counterId));
            }
        });
    }

    /** A process's counter now (or at its exit); -1 when it was never seen. */
    synchronized long value(LiveProcess process, HealthCounter counter) {
        scan();
        String k = key(process.pid(), counter);
        Slot slot = slots.get(k);
        if (slot == null) {
            return -1;
        }
        if (counters.getCounterRegistrationId(slot.counterId()) == slot.registrationId()) {
            return counters.getCounterValue(slot.counterId()); // still its own slot, listed or freed
        }
        return lastSeen.get(k);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
