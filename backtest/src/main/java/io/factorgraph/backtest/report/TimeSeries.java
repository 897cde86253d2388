package io.factorgraph.backtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The periodic records of a finished run, column by column (immutable). Row {@code i} is one call to
 * {@link BacktestRecorder#record}; see there for what each column means.
 */
public final class TimeSeries {
    final long[] ts;
    final double[] mid;
    final double[] bestBid;
    final double[] bestAsk;
    final double[] quoteBid;
    final double[] quoteAsk;
    final double[] position;
    final double[] cash;
    final double[] fees;
    final double[] equity;

    TimeSeries(
            long[] ts,
            double[] mid,
            double[] bestBid,
            double[] bestAsk,
            double[] quoteBid,
            double[] quoteAsk,
            double[] position,
            double[] cash,
            double[] fees,
            double[] equity) {
        this.ts = ts;
        this.mid = mid;
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
        this.quoteBid = quoteBid;
        this.quoteAsk = quoteAsk;
        this.position = position;
        this.cash = cash;
        this.fees = fees;
        this.equity = equity;
    }

    /** Number of records. */
    public int size() {
        return ts.length;
    }

    public boolean isEmpty() {
        return ts.length == 0;
    }

    /** Record time, ns since the epoch (local clock). */
    public long ts(int i) {
        return ts[i];
    }

    public double mid(int i) {
        return mid[i];
    }

    public double bestBid(int i) {
        return bestBid[i];
    }

    public double bestAsk(int i) {
        return bestAsk[i];
    }

    /** The strategy's best resting bid, NaN when not quoting a bid. */
    public double quoteBid(int i) {
        return quoteBid[i];
    }

    /** The strategy's best resting ask, NaN when not quoting an ask. */
    public double quoteAsk(int i) {
        return quoteAsk[i];
    }

    public double position(int i) {
        return position[i];
    }

    public double cash(int i) {
        return cash[i];
    }

    /** Cumulative fees paid up to this record (rebates negative). */
    public double fees(int i) {
        return fees[i];
    }

    /** {@code cash + position × mid} ({@code cash} when flat). */
    public double equity(int i) {
        return equity[i];
    }

    /** Row {@code i} as a record. */
    public Sample sample(int i) {
        return new Sample(
                ts[i],
                mid[i],
                bestBid[i],
                bestAsk[i],
                quoteBid[i],
                quoteAsk[i],
                position[i],
                cash[i],
                fees[i],
                equity[i]);
    }

    /** Every row as records (allocates one per row: for tests and small runs). */
    public List<Sample> samples() {
        List<Sample> out = new ArrayList<>(ts.length);
        for (int i = 0; i < ts.length; i++) {
            out.add(sample(i));
        }
        return List.copyOf(out);
    }
}
