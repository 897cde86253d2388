package io.factorgraph.runtime.data.npz;

import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import com.google.common.primitives.ImmutableLongArray;

/**
 * The rows of a recorded feed grouped by the message they came from, as hftbacktest's converter holds them
 * before correcting them: per message one exchange time and one local time, per row {@code ev} (kind and side,
 * no timeline flags), {@code px} and {@code qty}. Message {@code m}'s rows are {@code [rowStart(m), rowEnd(m))}.
 *
 * <p>Kept in primitive arrays (about 17 bytes a row and 20 a message, where hftbacktest's converter holds
 * 64 bytes a row twice), because the corrections need the whole file: the timestamp shift is a minimum over
 * every row, and the exchange order is a sort.
 */
final class MessageRows {
    private final long[] ev;
    private final double[] px;
    private final double[] qty;
    private final long[] exchTs;
    private final long[] localTs;
    private final int[] rowEnd;

    private MessageRows(Builder b) {
        ev = b.ev.build().toArray();
        px = b.px.build().toArray();
        qty = b.qty.build().toArray();
        exchTs = b.exchTs.build().toArray();
        localTs = b.localTs.build().toArray();
        rowEnd = b.rowEnd.build().toArray();
    }

    static Builder builder() {
        return new Builder();
    }

    int messages() {
        return exchTs.length;
    }

    long[] exchTs() {
        return exchTs;
    }

    long[] localTs() {
        return localTs;
    }

    int rowStart(int message) {
        return message == 0 ? 0 : rowEnd[message - 1];
    }

    int rowEnd(int message) {
        return rowEnd[message];
    }

    long ev(int row) {
        return ev[row];
    }

    double px(int row) {
        return px[row];
    }

    double qty(int row) {
        return qty[row];
    }

    /** Collects rows, then closes each message that produced any with its two timestamps. */
    static final class Builder {
        private final ImmutableLongArray.Builder ev = ImmutableLongArray.builder(1 << 16);
        private final ImmutableDoubleArray.Builder px = ImmutableDoubleArray.builder(1 << 16);
        private final ImmutableDoubleArray.Builder qty = ImmutableDoubleArray.builder(1 << 16);
        private final ImmutableLongArray.Builder exchTs = ImmutableLongArray.builder(1 << 12);
        private final ImmutableLongArray.Builder localTs = ImmutableLongArray.builder(1 << 12);
        private final ImmutableIntArray.Builder rowEnd = ImmutableIntArray.builder(1 << 12);
        private int rows;
        private int messageStart;

        void row(long kindAndSide, double price, double quantity) {
            if (rows == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + rows + " rows: convert the feed in parts");
            }
            ev.add(kindAndSide);
            px.add(price);
            qty.add(quantity);
            rows++;
        }

        /** Ends the current message; a message that produced no row leaves no trace. */
        void endMessage(long exchangeTs, long receiveTs) {
            if (rows > messageStart) {
                exchTs.add(exchangeTs);
                localTs.add(receiveTs);
                rowEnd.add(rows);
                messageStart = rows;
            }
        }

        MessageRows build() {
            return new MessageRows(this);
        }
    }
}
