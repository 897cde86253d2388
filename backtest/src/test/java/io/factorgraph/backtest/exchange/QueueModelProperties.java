package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.queue.ProbabilityFunction;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Bounds every queue model keeps, for any level change. */
class QueueModelProperties {
    private static final String[] MODELS = {"risk-averse", "power:1", "power:3", "power2:2", "power3:3", "log", "log2"};

    @Property(tries = 3000)
    void theQueueAheadNeverExceedsTheLevelAndADecreaseNeverPushesBack(
            @ForAll @IntRange(min = 0, max = 6) int which,
            @ForAll @DoubleRange(min = 0, max = 1000) double prev,
            @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @DoubleRange(min = 0, max = 1000) double next,
            @ForAll @DoubleRange(min = 0, max = 50) double traded) {
        QueueModel model = QueueModel.parse(MODELS[which]);
        double front = Math.rint(prev * share);
        double after = model.afterDepthChange(front, traded, prev, next, 0.001);
        assertTrue(Double.isFinite(after), model.label());
        assertTrue(after <= next, model.label() + ": " + after + " ahead in a level of " + next);
        assertTrue(after <= front, model.label() + ": moved back from " + front + " to " + after);
        if (model instanceof QueueModel.RiskAverse || prev - next - traded < 0) {
            assertEquals(Math.min(front, next), after, 0.0, model.label());
        } else {
            // a decrease of chg moves the front by at most chg
            assertTrue(after >= Math.min(front - (prev - next - traded), next) - 1e-9, model.label());
        }
    }

    @Property(tries = 2000)
    void probabilitiesAreProbabilities(
            @ForAll @IntRange(min = 1, max = 6) int which,
            @ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double front,
            @ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double back) {
        ProbabilityFunction f = ((QueueModel.Probabilistic) QueueModel.parse(MODELS[which])).function();
        double p = f.prob(front, back);
        assertTrue(p >= 0 && p <= 1, f.label() + ": " + p);
    }
}
