package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import org.junit.jupiter.api.Test;

/**
 * What {@code fg backtest examples/obi_mm.fg} without data shows: the default synthetic market gives the
 * obi_mm factors (those of {@code examples/obi_mm_factors.fg}) something to do. The imbalance swings both
 * ways and its z-score leaves ±2, the mid wanders, and a shock trips the stop-loss at least once.
 */
class DefaultMarketScenarioTest {
    private static final String OBI_MM_FACTORS = """
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

    @Test
    void theObiMarketMakersFactorsHaveSomethingToDo() throws MarketDataException {
        CompileResult result = FgCompiler.standard().compile("obi_mm_factors.fg", OBI_MM_FACTORS);
        CompiledGraph graph = result.graph().orElseThrow(() -> new AssertionError(result.render()));
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.defaults());
        long ticks = 0;
        long extremeAlpha = 0;
        long positiveObi = 0;
        long negativeObi = 0;
        long stopEpisodes = 0;
        boolean stopped = false;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        try (ReplayFactorProvider provider =
                new ReplayFactorProvider(market, graph.newInstance(), 100_000_000L, CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate u = provider.current();
                ticks++;
                double mid = u.value(0);
                low = Math.min(low, mid);
                high = Math.max(high, mid);
                positiveObi += u.value(1) > 0 ? 1 : 0;
                negativeObi += u.value(1) < 0 ? 1 : 0;
                extremeAlpha += Math.abs(u.value(2)) > 2 ? 1 : 0;
                boolean stop = u.value(5) != 0;
                stopEpisodes += stop && !stopped ? 1 : 0;
                stopped = stop;
            }
        }
        assertTrue(ticks >= 5_990, "one tick every 100 ms for ten minutes: " + ticks);
        assertTrue(
                positiveObi > ticks / 10 && negativeObi > ticks / 10,
                "imbalance both ways: " + positiveObi + " positive, " + negativeObi + " negative");
        assertTrue(extremeAlpha > ticks / 100, "|alpha| > 2 at " + extremeAlpha + " ticks");
        assertTrue(high - low > 50, "the mid moves: [" + low + ", " + high + "]");
        assertTrue(stopEpisodes >= 1, "the stop-loss triggers");
    }
}
