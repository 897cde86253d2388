package io.factorgraph.runtime.data.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Left padding: keeps {@link Sequence#value} off the cache line of whatever precedes the object. */
@SuppressWarnings("unused")
abstract class SequenceLeftPad {
    long p01, p02, p03, p04, p05, p06, p07;
    long p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The value, between the pads. */
abstract class SequenceValue extends SequenceLeftPad {
    long value;
}

/**
 * A counter one thread advances and another reads, padded on both sides so that the producer's and the
 * consumer's counters never share a cache line (false sharing would cost a line transfer per read).
 * Writes are volatile, reads acquire: what a thread wrote into a slot before advancing is visible to the
 * thread that sees the advanced value, and a write is ordered before the writer's next volatile read (the
 * other side's waiting flag), so that a side that goes to sleep is never missed by the one that wakes it.
 */
@SuppressWarnings("unused")
final class Sequence extends SequenceValue {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(SequenceValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long p16, p17, p18, p19, p20, p21, p22;
    long p23, p24, p25, p26, p27, p28, p29, p30;

    long getAcquire() {
        return (long) VALUE.getAcquire(this);
    }

    long getVolatile() {
        return (long) VALUE.getVolatile(this);
    }

    void setVolatile(long v) {
        VALUE.setVolatile(this, v);
    }
}
