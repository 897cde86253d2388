package io.factorgraph.nodes;

import io.factorgraph.testkit.harness.NodeCheck;
import io.factorgraph.testkit.harness.Tolerance;
import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every windowed and series node of the standard library, through the compiler and the runtime,
 * held to the naive batch reference of its docs/DESIGN.md §4 definition on adversarial streams (large
 * offsets, constant runs, NaN bursts, spikes, tiny values).
 */
class StandardLibraryProperties {
    /** Std and its relatives: relative to the exact value, exactly 0 for a constant window. */
    static final Tolerance STD = (expected, actual, scale) -> Double.isNaN(expected)
            ? Double.isNaN(actual)
            : expected == 0.0 ? actual == 0.0 : Math.abs(actual - expected) <= 1e-12 * expected + 1e-140;
    /** Means and sums: relative to the largest magnitude among the inputs. */
    private static final Tolerance OF_DATA = Tolerance.relativeToData(1e-12);

    @Provide
    Arbitrary<double[]> streams() {
        return Arbitraries.oneOf(
                Streams.adversarial(),
                Streams.largeOffsets(),
                Streams.withNaNBursts(),
                Streams.constantRuns(),
                Streams.withSpikes());
    }

    @Property(tries = 150)
    void rollingMean(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("rolling_mean(x, " + w + ")")
                .against((s, t) -> BatchReference.mean(s, t, w))
                .within(windowScaled(w, 1e-12))
                .check(xs);
    }

    @Property(tries = 150)
    void rollingStd(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("rolling_std(x, " + w + ")")
                .against((s, t) -> BatchReference.std(s, t, w))
                .within(STD)
                .check(xs);
    }

    @Property(tries = 150)
    void rollingSum(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("rolling_sum(x, " + w + ")")
                .against((s, t) -> BatchReference.sum(s, t, w))
                .within(windowScaled(w, 1e-12))
                .check(xs);
    }

    @Property(tries = 150)
    void rollingMinAndMaxAreExact(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("rolling_min(x, " + w + ")")
                .against((s, t) -> BatchReference.min(s, t, w))
                .within(Tolerance.exact())
                .check(xs);
        NodeCheck.of("rolling_max(x, " + w + ")")
                .against((s, t) -> BatchReference.max(s, t, w))
                .within(Tolerance.exact())
                .check(xs);
    }

    @Property(tries = 150)
    void zscore(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("zscore(x, " + w + ")")
                .against((s, t) -> BatchReference.std(s, t, w) > 1e-10
                        ? (s[t] - BatchReference.mean(s, t, w)) / BatchReference.std(s, t, w)
                        : 0.0)
                .within((expected, actual, scale) -> zscoreClose(expected, actual))
                .check(xs);
    }

    @Property(tries = 150)
    void ewmMeanAndStdBySpan(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 200) int span) {
        double alpha = 2.0 / (span + 1);
        NodeCheck.of("ewm_mean(x, " + span + ")")
                .against((s, t) -> BatchReference.ewmMean(s, t, alpha))
                .within(Tolerance.relativeToData(1e-11))
                .check(xs);
        NodeCheck.of("ewm_std(x, " + span + ")")
                .against((s, t) -> BatchReference.ewmStd(s, t, alpha))
                .within(decayingStd(1e-10))
                .check(xs);
    }

    @Property(tries = 100)
    void ewmByHalflife(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 100) int halflife) {
        double alpha = -Math.expm1(Math.log(0.5) / halflife);
        NodeCheck.of("ewm_mean_halflife(x, " + halflife + ")")
                .against((s, t) -> BatchReference.ewmMean(s, t, alpha))
                .within(Tolerance.relativeToData(1e-11))
                .check(xs);
        NodeCheck.of("ewm_std_halflife(x, " + halflife + ")")
                .against((s, t) -> BatchReference.ewmStd(s, t, alpha))
                .within(decayingStd(1e-10))
                .check(xs);
    }

    @Property(tries = 150)
    void changeIsTheRelativeChangeAndZeroFirst(@ForAll("streams") double[] xs) {
        NodeCheck.of("change(x)")
                .against((s, t) -> t == 0 ? 0.0 : s[t] / s[t - 1] - 1.0)
                .within(Tolerance.exact())
                .check(xs);
    }

    @Property(tries = 150)
    void diffAndLag(@ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 10) int k) {
        NodeCheck.of("diff(x, " + k + ")")
                .against((s, t) -> t >= k ? s[t] - s[t - k] : Double.NaN)
                .within(Tolerance.exact())
                .check(xs);
        NodeCheck.of("lag(x, " + k + ")")
                .against((s, t) -> t >= k ? s[t - k] : Double.NaN)
                .within(Tolerance.exact())
                .check(xs);
    }

    @Property(tries = 150)
    void volatilityIsTheStdOfTheLastWChanges(
            @ForAll("streams") double[] xs, @ForAll @IntRange(min = 1, max = 64) int w) {
        NodeCheck.of("volatility(x, " + w + ")")
                .against((s, t) -> {
                    if (t == 0) {
                        return 0.0;
                    }
                    double[] changes = new double[t];
                    for (int i = 1; i <= t; i++) {
                        changes[i - 1] = s[i] / s[i - 1] - 1.0;
                    }
                    return BatchReference.std(changes, t - 1, w);
                })
                .within(STD)
                .check(xs);
    }

    @Property(tries = 100)
    void elementwiseFunctions(@ForAll("streams") double[] xs) {
        NodeCheck.of("abs(x)")
                .against((s, t) -> Math.abs(s[t]))
                .within(Tolerance.exact())
                .check(xs);
        NodeCheck.of("log(x)")
                .against((s, t) -> Math.log(s[t]))
                .within(Tolerance.exact())
                .check(xs);
        NodeCheck.of("sqrt(x)")
                .against((s, t) -> Math.sqrt(s[t]))
                .within(Tolerance.exact())
                .check(xs);
        NodeCheck.of("clip(x, -1, 2.5)")
                .against((s, t) -> Double.isNaN(s[t]) ? Double.NaN : Math.max(-1, Math.min(2.5, s[t])))
                .within(Tolerance.exact())
                .check(xs);
    }

    @Property(tries = 100)
    void stopLossRule(@ForAll("streams") double[] xs) {
        NodeCheck.of("stop_loss(abs(x), x, vol_threshold = 3, change_threshold = 8, baseline_vol = 0.5, "
                        + "baseline_change_std = 0.25)")
                .against((s, t) -> (Math.abs(s[t]) - 0.5) / 0.5 > 3 || Math.abs(s[t]) / 0.25 > 8 ? 1.0 : 0.0)
                .within(Tolerance.exact())
                .check(xs);
    }

    /** A windowed mean or sum: error relative to the largest magnitude in the whole stream so far. */
    private static Tolerance windowScaled(int window, double bound) {
        return Tolerance.relativeToData(bound);
    }

    static Tolerance decayingStd(double bound) {
        return (expected, actual, scale) -> Double.isNaN(expected)
                ? Double.isNaN(actual)
                : Math.abs(actual - expected) <= bound * expected + 1e-140;
    }

    /**
     * A z-score amplifies the mean's error by 1/std, and near the 1e-10 threshold either side of the
     * rule is right; otherwise it must agree to 1e-9 of its magnitude.
     */
    static boolean zscoreClose(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == 0.0 || actual == 0.0) {
            return expected == actual || Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));
        }
        return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
    }
}
