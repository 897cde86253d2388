package io.factorgraph.backtest.exchange.queue;

/**
 * The probability, for the {@link QueueModel.Probabilistic} model, that a decrease of a price level's quantity
 * came from behind the order, given the quantities ahead ({@code front}) and behind ({@code back}) in the
 * instrument's units. These are hftbacktest's {@code PowerProbQueueFunc}, {@code PowerProbQueueFunc2},
 * {@code PowerProbQueueFunc3}, {@code LogProbQueueFunc} and {@code LogProbQueueFunc2}.
 */
public sealed interface ProbabilityFunction {
    /** Probability in {@code [0, 1]} that a decrease came from behind the order; may be NaN for {@code 0, 0}. */
    double prob(double front, double back);

    /** The name {@link QueueModel#parse} reads back. */
    String label();

    /** {@code f(x) = x^n}; {@code p = f(back) / (f(back) + f(front))}. */
    record Power(double n) implements ProbabilityFunction {
        public Power {
            requirePositive(n);
        }

        @Override
        public double prob(double front, double back) {
            double b = Math.pow(back, n);
            return b / (b + Math.pow(front, n));
        }

        @Override
        public String label() {
            return "power:" + format(n);
        }
    }

    /** {@code f(x) = x^n}; {@code p = f(back) / f(back + front)}. */
    record Power2(double n) implements ProbabilityFunction {
        public Power2 {
            requirePositive(n);
        }

        @Override
        public double prob(double front, double back) {
            return Math.pow(back, n) / Math.pow(back + front, n);
        }

        @Override
        public String label() {
            return "power2:" + format(n);
        }
    }

    /** {@code f(x) = x^n}; {@code p = 1 - f(front / (front + back))}. */
    record Power3(double n) implements ProbabilityFunction {
        public Power3 {
            requirePositive(n);
        }

        @Override
        public double prob(double front, double back) {
            return 1.0 - Math.pow(front / (front + back), n);
        }

        @Override
        public String label() {
            return "power3:" + format(n);
        }
    }

    /** {@code f(x) = ln(1 + x)}; {@code p = f(back) / (f(back) + f(front))}. */
    record Log() implements ProbabilityFunction {
        @Override
        public double prob(double front, double back) {
            double b = Math.log1p(back);
            return b / (b + Math.log1p(front));
        }

        @Override
        public String label() {
            return "log";
        }
    }

    /** {@code f(x) = ln(1 + x)}; {@code p = f(back) / f(back + front)}. */
    record Log2() implements ProbabilityFunction {
        @Override
        public double prob(double front, double back) {
            return Math.log1p(back) / Math.log1p(back + front);
        }

        @Override
        public String label() {
            return "log2";
        }
    }

    private static void requirePositive(double n) {
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException(
                    "the exponent of a power probability function must be finite and > 0, was " + n);
        }
    }

    private static String format(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : Double.toString(n);
    }
}
