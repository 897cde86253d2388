package io.factorgraph.backtest.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.execution.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Position, cash, fees and equity reconcile with any sequence of fills, against exact decimal arithmetic: position
 * and notional exactly, cash to a relative 1e-12 of the money that went through.
 */
class AccountProperties {
    private static final PriceGrid GRID = new PriceGrid(0.1, 0.001);

    record F(Side side, long ticks, long lots, double rate, boolean maker) {}

    @Provide
    Arbitrary<F> fills() {
        return Combinators.combine(
                        Arbitraries.of(Side.class),
                        Arbitraries.longs().between(1, 2_000_000),
                        Arbitraries.longs().between(1, 100_000),
                        Arbitraries.doubles().between(-0.0005, 0.001).ofScale(7),
                        Arbitraries.of(true, false))
                .as(F::new);
    }

    @Property(tries = 300)
    void accountReconcilesWithItsFills(
            @ForAll @Size(max = 400) List<@net.jqwik.api.From("fills") F> fills, @ForAll("mids") double mid) {
        Account account = new Account(GRID, 10_000.0);
        FillLog log = new FillLog(GRID, 16);
        long position = 0;
        BigDecimal cash = new BigDecimal("10000");
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal turnover = BigDecimal.ZERO;
        long makers = 0;
        long t = 0;
        for (F f : fills) {
            double value = GRID.price(f.ticks()) * GRID.qty(f.lots());
            double fee = value * f.rate();
            account.onFill(f.side(), f.ticks(), f.lots(), fee, f.maker());
            log.add(7, f.side(), f.ticks(), f.lots(), fee, f.maker(), t, t + 1);
            t++;
            BigDecimal exact = new BigDecimal("0.1")
                    .multiply(BigDecimal.valueOf(f.ticks()))
                    .multiply(new BigDecimal("0.001").multiply(BigDecimal.valueOf(f.lots())));
            position += f.side().sign() * f.lots();
            cash = cash.subtract(f.side() == Side.BUY ? exact : exact.negate()).subtract(new BigDecimal(fee));
            fees = fees.add(new BigDecimal(fee));
            turnover = turnover.add(exact);
            makers += f.maker() ? 1 : 0;
        }
        double scale = Math.max(1.0, turnover.doubleValue() + 10_000);
        assertEquals(position, account.positionLots());
        assertEquals(GRID.qty(position), account.position(), 0.0);
        assertEquals(cash.doubleValue(), account.cash(), 1e-12 * scale);
        assertEquals(fees.doubleValue(), account.fees(), 1e-12 * scale);
        assertEquals(turnover.doubleValue(), account.tradedValue(), 1e-12 * scale);
        assertEquals(fills.size(), account.fills());
        assertEquals(makers, account.makerFills());
        assertEquals(fills.size() - makers, account.takerFills());
        BigDecimal equity = cash.add(
                new BigDecimal("0.001").multiply(BigDecimal.valueOf(position)).multiply(new BigDecimal(mid)),
                MathContext.DECIMAL128);
        assertEquals(equity.doubleValue(), account.equity(mid), 1e-12 * Math.max(scale, Math.abs(position * mid)));
        assertEquals(fills.size(), log.size());
        for (int i = 0; i < log.size(); i++) {
            Fill f = log.get(i);
            assertEquals(fills.get(i).ticks(), f.priceTicks());
            assertEquals(GRID.price(f.priceTicks()) * GRID.qty(f.lots()), f.value(), 0.0);
        }
    }

    @Provide
    Arbitrary<Double> mids() {
        return Arbitraries.doubles().between(1, 200_000);
    }
}
