package io.factorgraph.backtest.exchange;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Order latencies, as hftbacktest models them: the <em>entry</em> latency from the moment the strategy sends a
 * request (local clock) to the moment the exchange's matching engine processes it, and the <em>response</em>
 * latency from the moment the exchange acts (accepts, fills, cancels, rejects) to the moment the strategy
 * receives the report. Both are nanoseconds and never negative.
 *
 * <p>The simulator keeps requests and reports in order, as one connection does: a request never reaches the
 * exchange before one sent earlier, and a report never reaches the strategy before one sent earlier (an
 * interpolated latency that falls quickly would otherwise let a later request overtake an earlier one).
 */
public sealed interface LatencyModel permits ConstantLatency, InterpolatedLatency {

    /** Entry latency, ns, of a request the strategy sends at local time {@code localTime}. */
    long entry(long localTime);

    /** Response latency, ns, of a report the exchange sends at exchange time {@code exchTime}. */
    long response(long exchTime);

    /**
     * Parses a constant latency as the command line writes it: {@code D} (the same entry and response latency)
     * or {@code ENTRY/RESPONSE}, each a non-negative duration with a unit: {@code ns}, {@code us}, {@code ms} or
     * {@code s}, for example {@code 5ms}, {@code 250us/1.5ms}. A recorded latency file is read with {@link
     * InterpolatedLatency#load}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    static ConstantLatency parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            long both = parseDuration(text, s);
            return new ConstantLatency(both, both);
        }
        return new ConstantLatency(
                parseDuration(text, s.substring(0, slash)), parseDuration(text, s.substring(slash + 1)));
    }

    /**
     * Parses one non-negative duration with a unit ({@code ns}, {@code us}, {@code ms}, {@code s}) into whole
     * nanoseconds, e.g. {@code 100ms}, {@code 1.5ms}, {@code 0s}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    static long parseDuration(String whole, String part) {
        String s = part.strip().toLowerCase(Locale.ROOT);
        int unitStart = s.length();
        while (unitStart > 0 && Character.isLetter(s.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = s.substring(0, unitStart).strip();
        String unit = s.substring(unitStart);
        long scale =
                switch (unit) {
                    case "ns" -> 1L;
                    case "us" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    default -> 0L;
                };
        String expected =
                "expected a duration with a unit (ns, us, ms, s) such as 5ms, or ENTRY/RESPONSE such as 2ms/3ms";
        if (scale == 0L || number.isEmpty()) {
            throw new IllegalArgumentException("latency '" + whole + "': " + expected);
        }
        BigDecimal ns;
        try {
            ns = new BigDecimal(number).multiply(BigDecimal.valueOf(scale));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "latency '" + whole + "': '" + number + "' is not a number; " + expected);
        }
        if (ns.signum() < 0) {
            throw new IllegalArgumentException(
                    "latency '" + whole + "': a latency cannot be negative, was " + part.strip());
        }
        try {
            return ns.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("latency '" + whole + "': " + part.strip()
                    + " is not a whole number of nanoseconds or is too large");
        }
    }
}
