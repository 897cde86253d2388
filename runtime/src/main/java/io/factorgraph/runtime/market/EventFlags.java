package io.factorgraph.runtime.market;

/**
 * The event flags of hftbacktest's 64-byte feed event ({@code ev} field), bit for bit, so that
 * {@code .npz} files written by hftbacktest and events produced by our readers mean the same thing.
 *
 * <p>The low byte holds the event kind ({@link #DEPTH_EVENT}, {@link #TRADE_EVENT}, ...); high bits say
 * which side ({@link #BUY_EVENT}/{@link #SELL_EVENT}) and which timeline ({@link #EXCH_EVENT}/{@link
 * #LOCAL_EVENT}) an event belongs to. On a depth event the side is the book side (buy = bid); on a trade
 * it is the aggressor's side. Values are those of {@code hftbacktest/src/types.rs} and
 * {@code py-hftbacktest/hftbacktest/types.py}.
 *
 * <p>An event with {@link #LOCAL_EVENT} is valid for the local (strategy) timeline at {@code local_ts}; one
 * with {@link #EXCH_EVENT} for the exchange timeline at {@code exch_ts}. hftbacktest's converters set
 * both when an event sits in order on both timelines, and duplicate it otherwise.
 */
public final class EventFlags {
    /** Market depth changed: a price level was set ({@code qty > 0}) or removed ({@code qty == 0}). */
    public static final long DEPTH_EVENT = 1;
    /** A trade printed; the side flag is the aggressor's side. */
    public static final long TRADE_EVENT = 2;
    /**
     * Depth cleared. With a side flag, that side is cleared from its best level outward through
     * {@code px} inclusive (hftbacktest's "clear up to"); {@code px} NaN clears the whole side. Without a
     * side flag both sides are cleared.
     */
    public static final long DEPTH_CLEAR_EVENT = 3;
    /** One level of a depth snapshot; a snapshot follows a {@link #DEPTH_CLEAR_EVENT} of its side. */
    public static final long DEPTH_SNAPSHOT_EVENT = 4;
    /** Best bid or offer (Binance {@code bookTicker}); informs, never edits the L2 book. */
    public static final long DEPTH_BBO_EVENT = 5;
    /** L3: an order was added to the book. */
    public static final long ADD_ORDER_EVENT = 10;
    /** L3: an order was canceled. */
    public static final long CANCEL_ORDER_EVENT = 11;
    /** L3: an order was modified. */
    public static final long MODIFY_ORDER_EVENT = 12;
    /** L3: an order was filled. */
    public static final long FILL_EVENT = 13;

    /** Valid on the exchange timeline, at {@code exch_ts}. */
    public static final long EXCH_EVENT = 1L << 31;
    /** Valid on the local (receive) timeline, at {@code local_ts}. */
    public static final long LOCAL_EVENT = 1L << 30;
    /** Bid side of the book; for a trade, the aggressor bought. */
    public static final long BUY_EVENT = 1L << 29;
    /** Ask side of the book; for a trade, the aggressor sold. */
    public static final long SELL_EVENT = 1L << 28;

    /** The bits that hold the event kind. */
    public static final long KIND_MASK = 0xFF;

    private EventFlags() {}

    /** The event kind of {@code ev}: {@link #DEPTH_EVENT}, {@link #TRADE_EVENT}, ... */
    public static int kind(long ev) {
        return (int) (ev & KIND_MASK);
    }

    /**
     * hftbacktest's {@code Event::is}: every flag bit of {@code flags} is set in {@code ev} and, when
     * {@code flags} names a kind, {@code ev} is of that kind (kinds are values, not bits: 3 is not 1|2).
     */
    public static boolean is(long ev, long flags) {
        if ((ev & flags) != flags) {
            return false;
        }
        long kind = flags & KIND_MASK;
        return kind == 0 || (ev & KIND_MASK) == kind;
    }

    /** A readable form such as {@code LOCAL|BUY|DEPTH}, for messages and debugging. */
    public static String describe(long ev) {
        StringBuilder sb = new StringBuilder();
        if ((ev & EXCH_EVENT) != 0) {
            sb.append("EXCH|");
        }
        if ((ev & LOCAL_EVENT) != 0) {
            sb.append("LOCAL|");
        }
        if ((ev & BUY_EVENT) != 0) {
            sb.append("BUY|");
        }
        if ((ev & SELL_EVENT) != 0) {
            sb.append("SELL|");
        }
        sb.append(
                switch (kind(ev)) {
                    case 1 -> "DEPTH";
                    case 2 -> "TRADE";
                    case 3 -> "DEPTH_CLEAR";
                    case 4 -> "DEPTH_SNAPSHOT";
                    case 5 -> "DEPTH_BBO";
                    case 10 -> "ADD_ORDER";
                    case 11 -> "CANCEL_ORDER";
                    case 12 -> "MODIFY_ORDER";
                    case 13 -> "FILL";
                    default -> "KIND_" + kind(ev);
                });
        long unknown = ev & ~(EXCH_EVENT | LOCAL_EVENT | BUY_EVENT | SELL_EVENT | KIND_MASK);
        if (unknown != 0) {
            sb.append("|0x").append(Long.toHexString(unknown));
        }
        return sb.toString();
    }
}
