package io.factorgraph.backtest.settings;

import java.math.BigDecimal;

/**
 * {@code --fees MAKER,TAKER}: the fee of a maker and of a taker fill, each a fraction of traded value in (-1, 1)
 * (negative is a rebate).
 */
public record FeeSchedule(double maker, double taker) {
    /** Binance USD-M futures, VIP 0. */
    public static final FeeSchedule BINANCE_USDM_VIP0 = new FeeSchedule(0.0002, 0.0005);

    /** The accepted form, for messages. */
    public static final String FORM = "expected MAKER,TAKER as fractions of traded value, e.g. 0.0002,0.0005 (or "
            + "-0.0001,0.0004 with a maker rebate)";

    public FeeSchedule {
        maker += 0.0; // -0.0 is no fee: one value for it, whatever the sign
        taker += 0.0;
        if (!(Math.abs(maker) < 1) || !(Math.abs(taker) < 1)) {
            throw new IllegalArgumentException(
                    "fees are fractions of traded value in (-1, 1), were " + maker + "," + taker);
        }
    }

    /** @throws IllegalArgumentException {@code 'TEXT': expected MAKER,TAKER ...} */
    public static FeeSchedule parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "': " + FORM);
        }
        return new FeeSchedule(fraction(text, parts[0]), fraction(text, parts[1]));
    }

    private static double fraction(String text, String part) {
        try {
            double value = Double.parseDouble(part.strip());
            if (Double.isFinite(value) && Math.abs(value) < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': '" + part.strip() + "' is not a fee fraction; " + FORM);
    }

    /**
     * {@code MAKER,TAKER} as plain decimals in the shortest form that reads back exactly ({@code 0.0002,0.0005}, not
     * {@code 2.0E-4}), which {@link #parse} reads back as an equal schedule.
     */
    public String canonical() {
        return plain(maker) + "," + plain(taker);
    }

    private static String plain(double fraction) {
        return BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
    }
}
