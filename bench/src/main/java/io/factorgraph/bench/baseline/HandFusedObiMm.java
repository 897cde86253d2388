package io.factorgraph.bench.baseline;

import io.factorgraph.bench.ObiMmGraphs;
import io.factorgraph.nodes.window.RollingMoments;
import io.factorgraph.nodes.window.ZScore;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.market.OrderBook;

/**
 * {@code obi_mm}'s factors written as one Java method with no framework: what a developer would write
 * by hand, and the practical limit the compiled graph is measured against.
 *
 * <p>Same arithmetic, operation for operation, as the graph's nodes, so the outputs are bit-identical
 * (a test holds it to that): the same {@link RollingMoments} statistics (numerically stable, DESIGN
 * §4), the same z-score guard, the same change and stop-loss formulas. What it gains by being fused:
 * no slot array, no virtual call per node, and the price change is computed once and shared by the
 * volatility window and the stop (the graph's {@code change} and {@code volatility} nodes each compute
 * it). Also usable as the sink's inputs, so "hand-fused + sink" runs the very same strategy code.
 */
public final class HandFusedObiMm implements SinkInputs {
    private final double depth;
    private final double[] sums = new double[2];
    private final RollingMoments obiWindow;
    private final RollingMoments changeWindow;
    private double previousMid;
    private boolean started;
    private double bestBid;
    private double bestAsk;

    public double alpha;
    public double vol;
    public double stop;

    public HandFusedObiMm(int window) {
        this(window, ObiMmGraphs.DEPTH);
    }

    public HandFusedObiMm(int window, double depth) {
        this.depth = depth;
        this.obiWindow = new RollingMoments(window);
        this.changeWindow = new RollingMoments(window);
    }

    /** One tick on a book: OBI and mid from the book, then the factors. */
    public void onBook(OrderBook book) {
        final double bid = book.bestBid();
        final double ask = book.bestAsk();
        bestBid = bid;
        bestAsk = ask;
        onFactors(HandObi.bands(book, depth), (bid + ask) * 0.5);
    }

    /** One tick on recorded OBI and mid values. */
    public void onFactors(double obi, double mid) {
        final RollingMoments obiWindow = this.obiWindow;
        obiWindow.onValue(obi);
        alpha = ZScore.of(obi, obiWindow.mean(), obiWindow.std());
        final double chg;
        if (started) {
            chg = mid / previousMid - 1.0;
            changeWindow.onValue(chg);
            vol = changeWindow.std();
        } else {
            chg = 0.0;
            vol = 0.0;
            started = true;
        }
        previousMid = mid;
        final boolean tooVolatile =
                (vol - ObiMmGraphs.BASELINE_VOL) / ObiMmGraphs.BASELINE_VOL > ObiMmGraphs.VOL_THRESHOLD;
        final boolean jump = Math.abs(chg) / ObiMmGraphs.BASELINE_CHANGE_STD > ObiMmGraphs.CHANGE_THRESHOLD;
        stop = tooVolatile || jump ? 1.0 : 0.0;
    }

    @Override
    public double argument(int index) {
        return switch (index) {
            case 0 -> alpha;
            case 1 -> vol;
            default -> stop;
        };
    }

    @Override
    public double bestBid() {
        return bestBid;
    }

    @Override
    public double bestAsk() {
        return bestAsk;
    }
}
