package io.factorgraph.backtest.settings;

import java.util.Locale;

/**
 * {@code --speed}: how fast a recorded feed is replayed against the wall clock: {@code 1} as recorded, {@code 10}
 * (or {@code 10x}) ten times faster, {@code max} as fast as the reader takes it.
 *
 * @param factor replayed time per wall time, {@code > 0}; {@link Double#POSITIVE_INFINITY} for {@code max}
 */
public record ReplaySpeed(double factor) {
    public static final ReplaySpeed RECORDED = new ReplaySpeed(1.0);
    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

    /** The accepted forms, for messages. */
    public static final String FORMS = "expected a speed > 0 such as 1, 10, 2.5x or max";

    public ReplaySpeed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a replay speed is > 0, was " + factor);
        }
    }

    /** @throws IllegalArgumentException {@code 'TEXT': expected a speed ...} */
    public static ReplaySpeed parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("max")) {
            return MAX;
        }
        if (s.endsWith("x")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            double factor = Double.parseDouble(s);
            if (factor > 0 && Double.isFinite(factor)) {
                return new ReplaySpeed(factor);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': " + FORMS);
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /** {@code max}, or the factor in Java's shortest round-trip form. */
    public String canonical() {
        return isMax() ? "max" : Double.toString(factor);
    }

    /** For people: {@code max speed} or {@code 10.0x}. */
    @Override
    public String toString() {
        return isMax() ? "max speed" : factor + "x";
    }
}
