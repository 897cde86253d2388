package io.factorgraph.backtest.settings;

import java.math.BigDecimal;

/**
 * {@code --lot-size QTY}: an instrument's quantity step, finite and positive. The recorded symbols' steps are in the
 * data's README (USD-M BTCUSDT and ETHUSDT 0.001).
 */
public record LotSize(double step) {
    /** Binance USD-M BTCUSDT (and ETHUSDT): 0.001. */
    public static final LotSize BINANCE_USDM_BTCUSDT = new LotSize(0.001);

    /** The accepted form, for messages. */
    public static final String FORM = "expected a positive step such as 0.001";

    public LotSize {
        if (!(step > 0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("a lot size is a positive step, was " + step);
        }
    }

    /** @throws IllegalArgumentException {@code 'TEXT': expected a positive step such as 0.001} */
    public static LotSize parse(String text) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.strip());
            if (value > 0 && Double.isFinite(value)) {
                return new LotSize(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': " + FORM);
    }

    /** The step as a plain decimal ({@code 0.001}), which {@link #parse} reads back as an equal value. */
    public String canonical() {
        return BigDecimal.valueOf(step).stripTrailingZeros().toPlainString();
    }
}
