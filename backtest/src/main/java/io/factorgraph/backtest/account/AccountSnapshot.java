package io.factorgraph.backtest.account;

/**
 * An {@link Account}'s state at one moment.
 *
 * @param cash cash in the quote currency
 * @param positionLots signed position in lots
 * @param position signed position in the instrument's units
 * @param fees fees paid (negative: net rebates)
 * @param tradedValue sum of {@code price * qty} over the fills
 * @param tradedQty sum of fill quantities
 * @param fills number of fills
 * @param makerFills fills that provided liquidity
 * @param takerFills fills that took liquidity
 */
public record AccountSnapshot(
        double cash,
        long positionLots,
        double position,
        double fees,
        double tradedValue,
        double tradedQty,
        long fills,
        long makerFills,
        long takerFills) {}
