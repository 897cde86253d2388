package io.factorgraph.backtest.settings;

import io.factorgraph.backtest.exchange.TimelineCorrection;
import java.util.Locale;

/**
 * How the simulator turns the recorder's exchange stamps into exchange times ({@code --exchange-clock}). The default
 * is hftbacktest's: one constant shift over the whole input. The running maximum this project used before is kept
 * for comparing old results, and only by name, because it moves exchange events by up to a few milliseconds during a
 * file and lets bookTicker lines change the fills (docs/DESIGN.md §7).
 */
public enum ExchangeClock {
    /** hftbacktest's {@code correct_local_timestamp}: the largest {@code T - local_ts}, applied to every event. */
    CONSTANT("constant"),
    /** The shift follows the running maximum of {@code T - local_ts} over every line so far. */
    RUNNING_MAX("running-max");

    /** The names {@link #parse} accepts, for messages. */
    public static final String FORMS = TimelineCorrection.FORMS;

    private final String canonical;

    ExchangeClock(String canonical) {
        this.canonical = canonical;
    }

    /** @throws IllegalArgumentException naming the text and the accepted names */
    public static ExchangeClock parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ExchangeClock clock : values()) {
            if (clock.canonical.equals(s)) {
                return clock;
            }
        }
        throw new IllegalArgumentException("'" + text + "': " + FORMS);
    }

    /** The name {@link #parse} reads back. */
    public String canonical() {
        return canonical;
    }

    /** The simulator's timeline rule; a constant one is measured from the input before the run. */
    public TimelineCorrection timeline() {
        return TimelineCorrection.parse(canonical);
    }
}
