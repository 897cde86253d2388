package io.factorgraph.backtest.exchange.queue;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * How a resting order's place in its price level's queue moves, as hftbacktest models it for L2 data.
 *
 * <p>The simulator keeps, per resting order, the quantity ahead of it at its price ({@code front}). When the order
 * reaches the exchange, {@code front} is the whole quantity resting at its price: it joins at the back. A trade at
 * the order's price of quantity {@code q} takes {@code q} from the front ({@code front -= q}); the order executes
 * once {@code front} has gone below zero by at least a lot (see {@link FillMode}). What a change of the level's
 * quantity from {@code prev} to {@code next} does depends on the model:
 *
 * <ul>
 *   <li>{@link RiskAverse}: only trades advance the order; the level shrinking moves it only when the level becomes
 *       smaller than the quantity ahead: {@code front = min(front, next)} (hftbacktest's {@code RiskAdverseQueueModel}).
 *   <li>{@link Probabilistic}: a decrease is shared between the quantity ahead and the quantity behind the order,
 *       the part taken from behind having probability {@code p = prob(front, back)} with {@code back = prev - front}
 *       (hftbacktest's {@code ProbQueueModel}). The trades at the price since the last depth change are subtracted
 *       first, since the level's decrease already contains them: {@code chg = prev - next - tradedSinceLastChange}.
 *       When {@code chg < 0} (the level grew) {@code front = min(front, next)}; otherwise
 *       {@code front = min(front - (1 - p) chg + min(back - p chg, 0), next)}.
 * </ul>
 * Quantities are in the instrument's units (BTC, contracts), as in hftbacktest, which matters to the logarithmic
 * functions; the simulator counts them in lots internally.
 *
 * <p>A model owns every move of the queue, as hftbacktest's {@code QueueModel} trait does: {@link #onNewOrder} (where
 * an arriving order joins), {@link #onTrade} (a trade at its price), {@link #onDepthChange} (the level's quantity
 * changed) and {@link #executableLots} (is it filled). The defaults are the rules above; a new model overrides what it
 * changes, and is registered once, in {@link #MODELS}, which {@link #parse} and {@link #FORMS} read.
 */
public sealed interface QueueModel permits QueueModel.RiskAverse, QueueModel.Probabilistic {

    /**
     * The quantity ahead after the level at the order's price changed from {@code prev} to {@code next}, given
     * the quantity ahead before, {@code front}, and the quantity traded at the price since the last change, all in
     * one unit; {@code lot} is the lot size in that unit, used only to express quantities in the instrument's units
     * for the probability functions.
     */
    double afterDepthChange(double front, double tradedSinceLastChange, double prev, double next, double lot);

    /** The name {@link #parse} reads back, e.g. {@code risk-averse}, {@code power:3}, {@code log}. */
    String label();

    /** The same as {@link #label()}: the name {@link #parse} reads back. */
    default String name() {
        return label();
    }

    /** Tolerance of binary-float error when counting whole lots past the front of the queue. */
    double QUEUE_EPSILON = 1e-9;

    /** Order {@code i} has just arrived at a level holding {@code levelLots}: it joins at the back. */
    default void onNewOrder(RestingOrders orders, int i, double levelLots) {
        orders.front(i, levelLots);
        orders.traded(i, 0);
    }

    /** A trade of {@code tradeLots} at order {@code i}'s price: it takes that much from the front. */
    default void onTrade(RestingOrders orders, int i, double tradeLots) {
        orders.front(i, orders.front(i) - tradeLots);
        orders.traded(i, orders.traded(i) + tradeLots);
    }

    /**
     * The level at order {@code i}'s price changed from {@code prevLots} to {@code nextLots}; {@code lot} is the lot
     * size in the instrument's units.
     */
    default void onDepthChange(RestingOrders orders, int i, double prevLots, double nextLots, double lot) {
        orders.front(i, afterDepthChange(orders.front(i), orders.traded(i), prevLots, nextLots, lot));
        orders.traded(i, 0);
    }

    /**
     * How many whole lots of order {@code i} the trades have reached: the lots past the front of the queue, 0 while
     * some of the queue is still ahead. Whether the order then fills whole or in part is the {@link FillMode}'s.
     */
    default long executableLots(RestingOrders orders, int i) {
        double front = orders.front(i);
        return front < 0 ? (long) Math.floor(-front + QUEUE_EPSILON) : 0;
    }

    /** hftbacktest's {@code RiskAdverseQueueModel}: the conservative model, only trades advance the queue. */
    record RiskAverse() implements QueueModel {
        @Override
        public double afterDepthChange(
                double front, double tradedSinceLastChange, double prev, double next, double lot) {
            return Math.min(front, next);
        }

        @Override
        public String label() {
            return "risk-averse";
        }
    }

    /** hftbacktest's {@code ProbQueueModel} with one of its probability functions. */
    record Probabilistic(ProbabilityFunction function) implements QueueModel {
        public Probabilistic {
            if (function == null) {
                throw new NullPointerException("function");
            }
        }

        @Override
        public double afterDepthChange(
                double front, double tradedSinceLastChange, double prev, double next, double lot) {
            double chg = prev - next - tradedSinceLastChange;
            if (chg < 0) {
                return Math.min(front, next);
            }
            double back = prev - front;
            // A front that a trade pushed just past zero (less than a lot, so not executed) is at the front: 0 ahead.
            double p = function.prob(Math.max(front, 0.0) * lot, Math.max(back, 0.0) * lot);
            if (!Double.isFinite(p)) {
                p = 1.0;
            }
            double estimate = front - (1.0 - p) * chg + Math.min(back - p * chg, 0.0);
            return Math.min(estimate, next);
        }

        @Override
        public String label() {
            return function.label();
        }
    }

    /**
     * One accepted form of {@link #parse}: a name, whether it takes an exponent {@code N}, and how to build it.
     *
     * @param name the name as written (lower case)
     * @param takesExponent whether the form is {@code name:N}
     * @param build makes the model from the exponent (ignored when there is none)
     */
    record Form(String name, boolean takesExponent, DoubleFunction<QueueModel> build) {
        String written() {
            return takesExponent ? name + ":N" : name;
        }
    }

    /**
     * Every queue model the command line knows, in one place: adding a model is adding its row here (and its class).
     * <ul>
     *   <li>{@code risk-averse}
     *   <li>{@code power:N} — {@link ProbabilityFunction.Power}, {@code f(x) = x^N}, {@code p = f(back)/(f(back)+f(front))}
     *   <li>{@code power2:N} — {@link ProbabilityFunction.Power2}, {@code p = f(back)/f(back+front)}
     *   <li>{@code power3:N} — {@link ProbabilityFunction.Power3}, {@code p = 1 - f(front/(front+back))}
     *   <li>{@code log} — {@link ProbabilityFunction.Log}, {@code f(x) = ln(1+x)}, {@code p = f(back)/(f(back)+f(front))}
     *   <li>{@code log2} — {@link ProbabilityFunction.Log2}, {@code p = f(back)/f(back+front)}
     * </ul>
     */
    List<Form> MODELS = List.of(
            new Form("risk-averse", false, n -> new RiskAverse()),
            new Form("power", true, n -> new Probabilistic(new ProbabilityFunction.Power(n))),
            new Form("power2", true, n -> new Probabilistic(new ProbabilityFunction.Power2(n))),
            new Form("power3", true, n -> new Probabilistic(new ProbabilityFunction.Power3(n))),
            new Form("log", false, n -> new Probabilistic(new ProbabilityFunction.Log())),
            new Form("log2", false, n -> new Probabilistic(new ProbabilityFunction.Log2())));

    /**
     * Parses a queue model as the command line writes it: one of {@link #MODELS}. Names are case-insensitive
     * ({@code riskaverse} and {@code risk_averse} are accepted for {@code risk-averse}); {@code N} is a finite number
     * {@code > 0}.
     *
     * @throws IllegalArgumentException saying what was wrong and listing the accepted forms
     */
    static QueueModel parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : s.substring(colon + 1).strip();
        if (name.equals("riskaverse") || name.equals("risk_averse")) {
            name = "risk-averse";
        }
        for (Form form : MODELS) {
            if (form.name().equals(name)) {
                if (form.takesExponent()) {
                    return form.build().apply(exponent(text, name, arg));
                }
                noArgument(text, name, arg);
                return form.build().apply(Double.NaN);
            }
        }
        throw new IllegalArgumentException("unknown queue model '" + text + "': " + FORMS);
    }

    /** The accepted forms, for messages. */
    String FORMS = "expected "
            + String.join(
                    ", ",
                    MODELS.stream().limit(MODELS.size() - 1).map(Form::written).toList()) + " or "
            + MODELS.getLast().written() + " (N a number > 0, e.g. power:3)";

    private static void noArgument(String text, String name, String arg) {
        if (arg != null) {
            throw new IllegalArgumentException("queue model '" + text + "': " + name + " takes no parameter; " + FORMS);
        }
    }

    private static double exponent(String text, String name, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException(
                    "queue model '" + text + "': " + name + " needs an exponent, as in " + name + ":3");
        }
        double n;
        try {
            n = Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "queue model '" + text + "': the exponent '" + arg + "' is not a number; " + FORMS);
        }
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException(
                    "queue model '" + text + "': the exponent must be finite and > 0, was " + arg);
        }
        return n;
    }
}
