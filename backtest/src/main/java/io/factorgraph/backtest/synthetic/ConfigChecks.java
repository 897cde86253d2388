package io.factorgraph.backtest.synthetic;

import java.time.Duration;

/**
 * The preconditions the synthetic market's configuration records share. Each throws an {@link
 * IllegalArgumentException} whose message starts with the field's qualified name ({@code flow.limitRate}), so
 * that whoever built the configuration reads which value was wrong and what was expected.
 */
final class ConfigChecks {
    /** The fastest rate a process may have, a second: beyond it a run would never end. */
    static final double MAX_RATE = 1e6;
    /** Most decimal places a tick or lot size may have. */
    static final int MAX_DECIMALS = 12;

    private ConfigChecks() {}

    static void positive(String name, double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }

    static void rate(String name, double value, boolean zeroAllowed) {
        if (!(zeroAllowed ? value >= 0.0 : value > 0.0) || value > MAX_RATE) {
            throw new IllegalArgumentException(
                    name + " must be in " + (zeroAllowed ? "[0, " : "(0, ") + MAX_RATE + "] a second, was " + value);
        }
    }

    static void atLeast(String name, double value, double min, String what) {
        if (!(value >= min) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and at least " + what + ", was " + value);
        }
    }

    static void atMost(String name, double value, double max) {
        if (value > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
        }
    }

    static void within(String name, double value, double min, double max) {
        if (!(value >= min) || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + plain(min) + ", " + plain(max) + "], was " + value);
        }
    }

    static void duration(String name, Duration value, boolean zeroAllowed, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", was " + value);
        }
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
        }
    }

    static void decimals(String name, double value) {
        if (decimalPlaces(value) < 0) {
            throw new IllegalArgumentException(name + " must be a decimal of at most " + MAX_DECIMALS
                    + " places, such as 0.1 or 0.25, was " + value);
        }
    }

    /** The fewest decimal places {@code value} is written with (0.1: 1, 0.25: 2, 5: 0), or -1 beyond 12. */
    static int decimalPlaces(double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            return -1;
        }
        long scale = 1;
        for (int k = 0; k <= MAX_DECIMALS; k++, scale *= 10) {
            double units = Math.rint(value * scale);
            if (units >= 1 && units < 0x1.0p53 && units / scale == value) {
                return k;
            }
        }
        return -1;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
