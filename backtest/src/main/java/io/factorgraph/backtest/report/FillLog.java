package io.factorgraph.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The fills of a finished run in time order, column by column (immutable). Row {@code i} is one call to
 * {@link BacktestRecorder#fill}.
 */
public final class FillLog {
    final long[] ts;
    final boolean[] buy;
    final double[] price;
    final double[] qty;
    final double[] fee;
    final boolean[] maker;
    final long[] orderId;
    final long[] exchTs;

    FillLog(long[] ts, boolean[] buy, double[] price, double[] qty, double[] fee, boolean[] maker, long[] orderId,
            long[] exchTs) {
        this.exchTs = exchTs;
        this.ts = ts;
        this.buy = buy;
        this.price = price;
        this.qty = qty;
        this.fee = fee;
        this.maker = maker;
        this.orderId = orderId;
    }

    /** Number of fills. */
    public int size() {
        return ts.length;
    }

    public boolean isEmpty() {
        return ts.length == 0;
    }

    public long ts(int i) {
        return ts[i];
    }

    public boolean buy(int i) {
        return buy[i];
    }

    public double price(int i) {
        return price[i];
    }

    public double qty(int i) {
        return qty[i];
    }

    public double fee(int i) {
        return fee[i];
    }

    public boolean maker(int i) {
        return maker[i];
    }

    public long orderId(int i) {
        return orderId[i];
    }

    /** When the exchange executed fill {@code i} (exchange timeline), or {@link Fill#UNKNOWN_TIME}. */
    public long exchTs(int i) {
        return exchTs[i];
    }

    /** Row {@code i} as a record. */
    public Fill fill(int i) {
        return new Fill(ts[i], buy[i], price[i], qty[i], fee[i], maker[i], orderId[i], exchTs[i]);
    }

    /** Every fill as records (allocates one per fill). */
    public List<Fill> fills() {
        List<Fill> out = new ArrayList<>(ts.length);
        for (int i = 0; i < ts.length; i++) {
            out.add(fill(i));
        }
        return List.copyOf(out);
    }
}
