package io.factorgraph.runtime.spi;

/**
 * A compile-time value. Numbers and integers share {@link #number()}; a duration is whole
 * nanoseconds; a bool is {@link #bool()}.
 */
public sealed interface Constant permits Constant.Number, Constant.Duration, Constant.Bool {

    record Number(double value) implements Constant {
        @Override
        public String toString() {
            return format(value);
        }
    }

    record Duration(long nanos) implements Constant {
        @Override
        public String toString() {
            return formatNanos(nanos);
        }
    }

    record Bool(boolean value) implements Constant {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    static Constant number(double value) {
        return new Number(value);
    }

    static Constant duration(long nanos) {
        return new Duration(nanos);
    }

    static Constant bool(boolean value) {
        return new Bool(value);
    }

    /** The word a diagnostic uses for this value's kind. */
    default String kindName() {
        return switch (this) {
            case Number n -> "number";
            case Duration d -> "duration";
            case Bool b -> "bool";
        };
    }

    /** Numbers print without a trailing {@code .0} when whole, as a user would write them. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String formatNanos(long nanos) {
        long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] names = {"h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < units.length; i++) {
            if (nanos != 0 && nanos % units[i] == 0) {
                return (nanos / units[i]) + names[i];
            }
        }
        return "0ns";
    }
}
