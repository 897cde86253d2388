package io.factorgraph.runtime.data.pipeline;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventColumns;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link EventSource} that decodes on a thread of its own: a decoder thread reads the wrapped source (for a
 * gzip feed: gunzip, JSON scan, depth synchronisation) into a preallocated batch through {@link
 * EventSource#drainTo}, a run of events at a time where the source decodes into columns; full batches go to the
 * consumer, the thread that calls {@link #next()} and runs the book and the graph, through a ring of {@value
 * #SLOTS} slots with one producer and one consumer. So a replay costs the larger of decoding and the book instead
 * of their sum.
 *
 * <p>The consumer sees exactly the wrapped source's events: every field, {@link MarketEvent#endOfMessage()},
 * {@link #position()} and {@link #gaps()} as of the event it is at, and a {@link MarketDataException} (or a
 * runtime exception) thrown by the wrapped source at the same event as the plain source throws it: the error
 * travels in the slot after the events decoded before it. End of data is the wrapped source's.
 *
 * <p>Nothing is allocated per event or per batch: the slots are {@link MarketEventColumns} made once, the
 * sequences are padded counters, and a side that waits spins briefly, then sleeps until the other side wakes it
 * (the decoder when it publishes a slot, the consumer when it gives one back), at most {@value #MAX_PARK_NANOS} ns
 * at a time. Not sleeping in short timed naps: on two cores a side that keeps waking lands on the other side's core
 * and takes it from the thread doing the work, which made the pipelined rates swing by a third from one pass to the
 * next. Only a new sequence gap allocates (a copy of the gap list for the consumer).
 *
 * <p>{@link #close()} stops the decoder thread (it checks between events and while waiting), waits for it to
 * end and then closes the wrapped source. The wrapped source must be used by this class alone and its
 * {@link EventSource#positionAt(long)} must be safe to call from another thread (it reads immutable state).
 * The consumer side is not thread-safe, like any other source.
 */
public final class PipelinedEventSource implements EventSource {
    /** Slots in the ring: enough for the decoder to run ahead across a burst of big messages. */
    static final int SLOTS = 8;

    /** Events per slot: big enough that the hand-over costs little per event, small enough to stay in cache. */
    static final int BATCH = 2048;

    /** Checks of the other side's counter before a waiting side goes to sleep. */
    private static final int SPINS = 1_000;
    /** The longest sleep between checks: a bound, not the way a side learns of progress (it is woken for that). */
    private static final long MAX_PARK_NANOS = 1_000_000L;

    private final EventSource source;
    private final MarketEvent event = new MarketEvent();
    private final Slot[] slots = new Slot[SLOTS];
    private final Sequence published = new Sequence();
    private final Sequence consumed = new Sequence();
    private final Thread decoder;
    private final String startPosition;
    private volatile boolean closing;
    /** The consumer while it sleeps waiting for a slot, for the decoder to wake; null while it is awake. */
    private volatile Thread consumerAsleep;
    /** The decoder while it sleeps waiting for a free slot, for the consumer to wake; null while it is awake. */
    private volatile Thread decoderAsleep;

    private volatile List<SequenceGap> gapSnapshot = List.of();
    /** The decoder thread's: the source's gap count when {@link #gapSnapshot} was last taken. */
    private int decodedGaps;

    // consumer state
    private Slot slot;
    private int row;
    /**
     * The current slot's size, read once: the slots sit next to one another in memory, and reading {@code size} per
     * event would share a cache line with the decoder filling the next slot.
     */
    private int slotSize;

    private int current = -1;
    private boolean done;
    private String endPosition;

    /**
     * Starts decoding {@code source} on a new daemon thread named {@code name}.
     *
     * @param source the source to decode; this object owns it from now on and closes it
     * @param name the decoder thread's name, for thread dumps and profiles
     */
    public PipelinedEventSource(EventSource source, String name) {
        this.source = source;
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
        this.startPosition = source.position();
        this.decoder = Thread.ofPlatform().name(name).daemon(true).unstarted(this::decode);
        decoder.start();
    }

    /** The decoder thread, for tests that check it ends and measure what it allocates. */
    Thread decoderThread() {
        return decoder;
    }

    @Override
    public boolean next() throws MarketDataException {
        while (slot == null || row >= slotSize) {
            if (done) {
                current = -1;
                return false;
            }
            if (slot != null) {
                Slot finished = slot;
                slot = null;
                if (finished.failure != null || finished.ended) {
                    finish(finished);
                    continue;
                }
                releaseSlot();
            }
            slot = awaitSlot();
            slotSize = slot.size;
            row = 0;
        }
        current = row;
        Slot s = slot;
        int i = row++;
        s.events.load(i, event);
        return true;
    }

    /** The last slot: remembers where the source ended, releases the slot and throws the source's error. */
    private void finish(Slot last) throws MarketDataException {
        done = true;
        current = -1;
        endPosition = last.position;
        Throwable failure = last.failure;
        releaseSlot();
        if (failure instanceof MarketDataException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private Slot awaitSlot() {
        final long next = consumed.getAcquire();
        for (int spins = 0; published.getAcquire() <= next; ) {
            if (spins < SPINS) {
                Thread.onSpinWait();
                spins++;
                continue;
            }
            consumerAsleep = Thread.currentThread();
            if (published.getVolatile() <= next) {
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
            }
            consumerAsleep = null;
        }
        return slots[(int) (next % SLOTS)];
    }

    /** Gives the current slot back to the decoder, waking it when it sleeps waiting for one. */
    private void releaseSlot() {
        consumed.setVolatile(consumed.getAcquire() + 1);
        Thread asleep = decoderAsleep;
        if (asleep != null) {
            LockSupport.unpark(asleep);
        }
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        if (current >= 0) {
            return source.positionAt(slot.mark[current]);
        }
        if (endPosition != null) {
            return endPosition;
        }
        return startPosition;
    }

    @Override
    public long positionMark() {
        return current >= 0 ? slot.mark[current] : -1L;
    }

    @Override
    public String positionAt(long mark) {
        return source.positionAt(mark);
    }

    @Override
    public List<SequenceGap> gaps() {
        List<SequenceGap> all = gapSnapshot;
        int count = gapCount();
        return count >= all.size() ? all : List.copyOf(all.subList(0, count));
    }

    @Override
    public int gapCount() {
        if (current >= 0) {
            return slot.gapCount[current];
        }
        if (done) {
            return gapSnapshot.size();
        }
        return slot == null || row == 0 ? 0 : slot.gapCount[row - 1];
    }

    /** The decoded source's, once {@link #next()} has returned false (the decoder thread has then stopped). */
    @Override
    public byte[] continuation() {
        if (!done) {
            throw new IllegalStateException("a feed's continuation is known at its end, not while it is being read");
        }
        return source.continuation();
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(decoder);
        boolean interrupted = false;
        while (decoder.isAlive()) {
            try {
                decoder.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        source.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the decoder thread ------------------------------------------------------------------------

    private void decode() {
        long sequence = 0;
        while (!closing) {
            long free = sequence - SLOTS;
            for (int spins = 0; consumed.getAcquire() <= free; ) {
                if (closing) {
                    return;
                }
                if (spins < SPINS) {
                    Thread.onSpinWait();
                    spins++;
                    continue;
                }
                decoderAsleep = decoder;
                if (consumed.getVolatile() <= free && !closing) {
                    LockSupport.parkNanos(this, MAX_PARK_NANOS);
                }
                decoderAsleep = null;
            }
            Slot s = slots[(int) (sequence % SLOTS)];
            s.size = 0;
            s.ended = false;
            s.failure = null;
            s.position = null;
            boolean last;
            try {
                last = fill(s);
            } catch (MarketDataException | RuntimeException | Error failure) {
                last = true;
                s.failure = failure;
            }
            if (closing) {
                return;
            }
            if (last) {
                s.position = source.position();
                int g = source.gapCount();
                if (g != decodedGaps) {
                    gapSnapshot = List.copyOf(source.gaps());
                }
            }
            published.setVolatile(++sequence);
            Thread asleep = consumerAsleep;
            if (asleep != null) {
                LockSupport.unpark(asleep);
            }
            if (last) {
                return;
            }
        }
    }

    /**
     * Decodes up to {@value #BATCH} events into {@code s}; returns whether the source ended. A method of its own,
     * called once per batch, so that the JIT compiles it whole with the source's decoding inlined, rather than as
     * an on-stack replacement of the thread's one long loop. It keeps its counts in locals and writes the slot's
     * size and the gap count once at the end, and {@link #close()} is looked at between batches: fields written
     * per event share cache lines with what the consumer reads per event (its cursor, the slot before), and each
     * such write would move the line from the consumer's core and back.
     */
    private boolean fill(Slot s) throws MarketDataException {
        final EventSource source = this.source;
        int gaps = decodedGaps;
        int size = 0;
        try {
            while (size < BATCH) {
                int n = source.drainTo(s.events, s.mark, size, BATCH - size);
                if (n == 0) {
                    s.ended = true;
                    return true;
                }
                int g = source.gapCount();
                if (g != gaps) {
                    gaps = g;
                    gapSnapshot = List.copyOf(source.gaps());
                }
                Arrays.fill(s.gapCount, size, size + n, g);
                size += n;
            }
            return false;
        } finally {
            s.size = size;
            decodedGaps = gaps;
        }
    }

    /** A batch of decoded events in columnar arrays, made once and reused for the life of the source. */
    private static final class Slot {
        final MarketEventColumns events = new MarketEventColumns(BATCH);
        final long[] mark = new long[BATCH];
        final int[] gapCount = new int[BATCH];
        int size;
        /** Whether the source ended after these events. */
        boolean ended;
        /** What the source threw after these events, or null. */
        Throwable failure;
        /** The source's position after its end or failure. */
        String position;
    }
}
