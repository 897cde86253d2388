package io.factorgraph.bench;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.util.Map;

/**
 * The graphs the per-tick benchmarks run: {@code examples/obi_mm.fg} as it stands (a test holds the
 * copy here to the file), and its factor part fed from {@code input} doubles instead of a book, so
 * that the cost of the framework around the statistics can be seen without the book walk.
 */
public final class ObiMmGraphs {
    /** OBI's depth in the example. */
    public static final double DEPTH = 0.001;
    /** stop_loss's parameters in the example. */
    public static final double VOL_THRESHOLD = 3.0;

    public static final double CHANGE_THRESHOLD = 8.0;
    public static final double BASELINE_VOL = 0.00002;
    public static final double BASELINE_CHANGE_STD = 0.00002;

    /** {@code examples/obi_mm.fg}, verbatim. */
    public static final String OBI_MM = """
            # hftbacktest's obi_mm market maker, as a factor graph with a stateless strategy sink.
            # Parameters are sized for Binance USD-M BTCUSDT (tick 0.1, lot 0.001, mid ~60,000):
            # a quote grid around a fair price shifted by the order-book-imbalance z-score and skewed against
            # inventory, widened with volatility; everything cancelled and the position flattened on a stop.
            param depth  = 0.001        # OBI looks at levels within 0.1% of the mid
            param window = 600          # z-score and volatility over 600 samples: one minute at 100ms
            # The strategy's numbers, params so that `fg sweep --grid half_spread=... --grid skew=...` can range over them.
            param half_spread   = 0.00002   # half the quoted spread, as a fraction of the mid
            param skew          = 0.00002   # how far the quotes lean against inventory, per order_qty held
            param c1            = 0.00001   # how much the alpha (OBI z-score) moves the fair price
            param power         = 1.0       # the volatility's exponent in the spread
            param grid_num      = 3         # quote levels each side
            param grid_interval = 0.5       # between levels, in half spreads
            param order_qty     = 0.002
            param max_position  = 0.02
            clock every 100ms

            obi   = OBI(book, depth)
            alpha = zscore(obi, window)
            mid   = mid(book)
            chg   = change(mid)
            vol   = volatility(mid, window)
            stop  = stop_loss(vol, chg, vol_threshold = 3.0, change_threshold = 8.0,
                              baseline_vol = 0.00002, baseline_change_std = 0.00002)

            output alpha, vol, stop
            sink stateless_mm(alpha, vol, stop,
                              tick_size = 0.1, order_qty = order_qty, max_position = max_position,
                              half_spread = half_spread, skew = skew, c1 = c1, power = power,
                              baseline_vol = 0.00002, grid_num = grid_num, grid_interval = grid_interval)
            """;

    /** {@code examples/obi_mm_factors.fg}, verbatim: what {@code fg run} replays. */
    public static final String OBI_MM_FACTORS = """
            # The factors of hftbacktest's obi_mm example, as O(1) streaming nodes:
            # order-book imbalance within 0.1% of the mid, its z-score over 600 samples (one minute at 100ms),
            # the volatility of the mid's relative changes, and a stop-loss signal.
            param depth  = 0.001
            param window = 600
            clock every 100ms

            obi   = OBI(book, depth)
            alpha = zscore(obi, window)
            mid   = mid(book)
            chg   = change(mid)
            vol   = volatility(mid, window)
            stop  = stop_loss(vol, chg, vol_threshold = 3.0, change_threshold = 8.0,
                              baseline_vol = 0.0001, baseline_change_std = 0.0001)

            output mid, obi, alpha, chg, vol, stop
            """;

    /** The factor part of {@code obi_mm.fg} with OBI and mid fed in as doubles (the recorded series). */
    public static final String OBI_MM_FACTORS_ON_SERIES = """
            param window = 600
            input obi: double
            input mid: double
            alpha = zscore(obi, window)
            chg   = change(mid)
            vol   = volatility(mid, window)
            stop  = stop_loss(vol, chg, vol_threshold = 3.0, change_threshold = 8.0,
                              baseline_vol = 0.00002, baseline_change_std = 0.00002)
            output alpha, vol, stop
            """;

    /** OBI alone, for the book-walk benchmark. */
    public static final String OBI_ONLY = """
            obi = OBI(book, 0.001)
            output obi
            """;

    private ObiMmGraphs() {}

    /** Compiles {@code text} with {@code window} overriding the file's param. */
    public static CompiledGraph compile(String name, String text, int window) {
        CompileResult result = FgCompiler.standard().compile(name, text, Map.of("window", Integer.toString(window)));
        if (result.hasErrors()) {
            throw new IllegalStateException(result.render());
        }
        return result.orElseThrow();
    }

    public static CompiledGraph compile(String name, String text) {
        CompileResult result = FgCompiler.standard().compile(name, text);
        if (result.hasErrors()) {
            throw new IllegalStateException(result.render());
        }
        return result.orElseThrow();
    }
}
