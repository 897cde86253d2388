package io.factorgraph.runtime.data.pipeline;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventColumns;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link EventSource} that decodes on a thread of its own: a decoder thread calls the wrapped source's
 * {@link EventSource#next()} (for a gzip feed: gunzip, JSON scan, depth synchronisation) and copies each event
 * into a preallocated batch; full batches go to the consumer, the thread that calls {@link #next()} and runs the
 * book and the graph, through a ring of {@value #SLOTS} slots with one producer and one consumer. So a replay
 * costs the larger of decoding and the book instead of their sum.
 *
 * <p>The consumer sees exactly the wrapped source's events: every field, {@link MarketEvent#endOfMessage()},
 * {@link #position()} and {@link #gaps()} as of the event it is at, and a {@link MarketDataException} (or a
 * runtime exception) thrown by the wrapped source at the same event as the plain source throws it: the error
 * travels in the slot after the events decoded before it. End of data is the wrapped source's.
 *
 * <p>Nothing is allocated per event or per batch: the slots are {@link MarketEventColumns} made once, the
 * sequences are padded counters written with release and read with acquire semantics, and a side that waits
 * spins briefly, then yields, then parks for {@value #PARK_NANOS} ns at a time (longer once it has waited long). Only a new sequence gap
 * allocates (a copy of the gap list for the consumer).
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

    private static final long PARK_NANOS = 20_000L;
    private static final int SPINS = 200;
    private static final int YIELDS = 20;
    private static final int SHORT_PARKS = 1_000;
    private static final long LONG_PARK_NANOS = 1_000_000L;

    private final EventSource source;
    private final MarketEvent event = new MarketEvent();
    private final Slot[] slots = new Slot[SLOTS];
    private final Sequence published = new Sequence();
    private final Sequence consumed = new Sequence();
    private final Thread decoder;
    private final String startPosition;
    private volatile boolean closing;
    private volatile List<SequenceGap> gapSnapshot = List.of();
    /** The decoder thread's: the source's gap count when {@link #gapSnapshot} was last taken. */
    private int decodedGaps;

    // consumer state
    private Slot slot;
    private int row;
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
        while (slot == null || row >= slot.size) {
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
                consumed.setRelease(consumed.getAcquire() + 1);
            }
            slot = awaitSlot();
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
        consumed.setRelease(consumed.getAcquire() + 1);
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
        long next = consumed.getAcquire();
        int idle = 0;
        while (published.getAcquire() <= next) {
            idle = idle(idle);
        }
        return slots[(int) (next % SLOTS)];
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
            int idle = 0;
            while (consumed.getAcquire() <= free) {
                if (closing) {
                    return;
                }
                idle = idle(idle);
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
            published.setRelease(++sequence);
            if (last) {
                return;
            }
        }
    }

    /**
     * Decodes up to {@value #BATCH} events into {@code s}; returns whether the source ended. A method of its own,
     * called once per batch, so that the JIT compiles it whole with the source's decoding inlined, rather than as
     * an on-stack replacement of the thread's one long loop.
     */
    private boolean fill(Slot s) throws MarketDataException {
        final EventSource source = this.source;
        final MarketEvent e = source.event();
        while (s.size < BATCH) {
            if (!source.next()) {
                s.ended = true;
                return true;
            }
            int g = source.gapCount();
            if (g != decodedGaps) {
                decodedGaps = g;
                gapSnapshot = List.copyOf(source.gaps());
            }
            s.add(e, source.positionMark(), g);
            if (closing) {
                return false;
            }
        }
        return false;
    }

    /**
     * One step of a wait: spin, then yield the core, then park briefly, and after {@value #SHORT_PARKS} short parks
     * (a side left waiting, such as the decoder of a source nobody reads) for {@value #LONG_PARK_NANOS} ns at a
     * time; returns the next step's count.
     */
    private static int idle(int idle) {
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else if (idle < SPINS + YIELDS + SHORT_PARKS) {
            LockSupport.parkNanos(PARK_NANOS);
        } else {
            LockSupport.parkNanos(LONG_PARK_NANOS);
            return idle;
        }
        return idle + 1;
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

        /** Appends {@code e} with its position mark and the source's gap count after it. */
        void add(MarketEvent e, long positionMark, int gaps) {
            int i = size++;
            events.store(i, e);
            mark[i] = positionMark;
            gapCount[i] = gaps;
        }
    }
}
