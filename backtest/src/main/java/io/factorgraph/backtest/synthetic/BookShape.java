package io.factorgraph.backtest.synthetic;

/**
 * Where limit orders are placed, and so the book's shape: a distance from the fair price drawn from a Pareto
 * (Lomax) law {@code P(x > s) ~ (1 + s/placementScaleTicks)^-placementTailIndex}, truncated at {@code depthTicks}.
 *
 * @param depthTicks furthest placement from the fair price, in ticks (the book's approximate depth a side)
 * @param placementScaleTicks scale of the placement-distance law, in ticks
 * @param placementTailIndex tail exponent of the placement-distance law; smaller means deeper books
 */
public record BookShape(int depthTicks, double placementScaleTicks, double placementTailIndex) {
    /** The deepest book the model's price window is sized for. */
    static final int MAX_DEPTH_TICKS = 50_000;

    /** Checks each field; a bad one is named {@code book.<field>}. */
    public BookShape {
        if (depthTicks < 1 || depthTicks > MAX_DEPTH_TICKS) {
            throw new IllegalArgumentException(
                    "book.depthTicks must be in [1, " + MAX_DEPTH_TICKS + "], was " + depthTicks);
        }
        ConfigChecks.positive("book.placementScaleTicks", placementScaleTicks);
        ConfigChecks.positive("book.placementTailIndex", placementTailIndex);
        ConfigChecks.atMost("book.placementTailIndex", placementTailIndex, 100);
    }

    public BookShape withDepthTicks(int newDepthTicks) {
        return new BookShape(newDepthTicks, placementScaleTicks, placementTailIndex);
    }

    public BookShape withPlacementScaleTicks(double newPlacementScaleTicks) {
        return new BookShape(depthTicks, newPlacementScaleTicks, placementTailIndex);
    }

    public BookShape withPlacementTailIndex(double newPlacementTailIndex) {
        return new BookShape(depthTicks, placementScaleTicks, newPlacementTailIndex);
    }
}
