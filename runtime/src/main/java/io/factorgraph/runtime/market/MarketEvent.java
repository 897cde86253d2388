package io.factorgraph.runtime.market;

/**
 * One market event in hftbacktest's 64-byte layout ({@code ev, exch_ts, local_ts, px, qty, order_id,
 * ival, fval}), as a reusable mutable cursor.
 *
 * <p>A reader owns one instance and overwrites it on every {@code next()}, so replaying millions of
 * events allocates nothing; consumers read the fields they need before advancing and {@link #copyFrom}
 * when they must keep one. Flags are those of {@link EventFlags}; timestamps are nanoseconds since the
 * epoch; {@code order_id} is unsigned in hftbacktest and kept here as the same 64 bits.
 *
 * <p>{@link #endOfMessage()} marks the last event of a group the source delivered atomically (the rows
 * of one feed message, such as a 2000-level snapshot). The book is only consistent at these
 * boundaries: observe it there, not between the rows of a message.
 */
public final class MarketEvent {
    private long ev;
    private long exchTs;
    private long localTs;
    private double px;
    private double qty;
    private long orderId;
    private long ival;
    private double fval;
    private boolean endOfMessage;

    /** Overwrites every field; used by readers. */
    public void set(
            long ev,
            long exchTs,
            long localTs,
            double px,
            double qty,
            long orderId,
            long ival,
            double fval,
            boolean endOfMessage) {
        this.ev = ev;
        this.exchTs = exchTs;
        this.localTs = localTs;
        this.px = px;
        this.qty = qty;
        this.orderId = orderId;
        this.ival = ival;
        this.fval = fval;
        this.endOfMessage = endOfMessage;
    }

    /** Copies {@code other} into this cursor. */
    public void copyFrom(MarketEvent other) {
        set(
                other.ev,
                other.exchTs,
                other.localTs,
                other.px,
                other.qty,
                other.orderId,
                other.ival,
                other.fval,
                other.endOfMessage);
    }

    /** The flags ({@link EventFlags}). */
    public long ev() {
        return ev;
    }

    /** The event kind, {@code ev & 0xFF}: {@link EventFlags#DEPTH_EVENT}, {@link EventFlags#TRADE_EVENT}, ... */
    public int kind() {
        return (int) (ev & EventFlags.KIND_MASK);
    }

    /** hftbacktest's {@code Event::is}; see {@link EventFlags#is(long, long)}. */
    public boolean is(long flags) {
        return EventFlags.is(ev, flags);
    }

    /** Bid side (depth) or buyer-initiated (trade). */
    public boolean isBuy() {
        return (ev & EventFlags.BUY_EVENT) != 0;
    }

    /** Ask side (depth) or seller-initiated (trade). */
    public boolean isSell() {
        return (ev & EventFlags.SELL_EVENT) != 0;
    }

    /** Valid on the local timeline. */
    public boolean isLocal() {
        return (ev & EventFlags.LOCAL_EVENT) != 0;
    }

    /** Valid on the exchange timeline. */
    public boolean isExch() {
        return (ev & EventFlags.EXCH_EVENT) != 0;
    }

    /** When the exchange produced the event, ns since the epoch. */
    public long exchTs() {
        return exchTs;
    }

    /** When the strategy received the event, ns since the epoch: the clock the graph runs on. */
    public long localTs() {
        return localTs;
    }

    public double px() {
        return px;
    }

    public double qty() {
        return qty;
    }

    /** hftbacktest's {@code order_id} (an unsigned 64-bit value in the same bits); 0 for L2 data. */
    public long orderId() {
        return orderId;
    }

    /** Reserved integer; the Binance reader stores the exchange's sequence or trade id here. */
    public long ival() {
        return ival;
    }

    /** Reserved double. */
    public double fval() {
        return fval;
    }

    /** Whether this is the last event of a message; see the class comment. */
    public boolean endOfMessage() {
        return endOfMessage;
    }

    @Override
    public String toString() {
        return "MarketEvent[" + EventFlags.describe(ev) + ", exch_ts=" + exchTs + ", local_ts=" + localTs + ", px="
                + px + ", qty=" + qty + ", order_id=" + Long.toUnsignedString(orderId) + ", ival=" + ival + ", fval="
                + fval + (endOfMessage ? ", end" : "") + "]";
    }
}
