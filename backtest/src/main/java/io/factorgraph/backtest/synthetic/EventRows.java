package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.column.BooleanColumn;
import io.factorgraph.runtime.column.LongColumn;
import io.factorgraph.runtime.market.MarketEvent;

/**
 * The events one step of the synthetic market expands to, in primitive columns, prices in ticks and
 * quantities in lots, handed out one by one through a {@link MarketEvent} cursor. The columns grow to the
 * largest step (the opening snapshot) and are then reused: steady-state generation allocates nothing.
 */
final class EventRows {
    /** A price that stands for NaN (a depth clear of a whole side). */
    static final long NO_TICK = Long.MIN_VALUE;

    private final double tickUnits;
    private final double tickScale;
    private final double lotUnits;
    private final double lotScale;
    private final LongColumn ev;
    private final LongColumn exchTs;
    private final LongColumn localTs;
    private final LongColumn tick;
    private final LongColumn lots;
    private final LongColumn ival;
    private final BooleanColumn end;

    /**
     * Prices are {@code tick * tickUnits / tickScale} and quantities {@code lots * lotUnits / lotScale}, where
     * the scales are powers of ten: dividing an exact integer by a power of ten rounds correctly, so a price
     * is the very double its decimal string parses to, as in recorded data.
     */
    EventRows(int capacity, long tickUnits, long tickScale, long lotUnits, long lotScale) {
        this.tickUnits = tickUnits;
        this.tickScale = tickScale;
        this.lotUnits = lotUnits;
        this.lotScale = lotScale;
        ev = new LongColumn(capacity);
        exchTs = new LongColumn(capacity);
        localTs = new LongColumn(capacity);
        tick = new LongColumn(capacity);
        lots = new LongColumn(capacity);
        ival = new LongColumn(capacity);
        end = new BooleanColumn(capacity);
    }

    int size() {
        return ev.size();
    }

    void clear() {
        ev.clear();
        exchTs.clear();
        localTs.clear();
        tick.clear();
        lots.clear();
        ival.clear();
        end.clear();
    }

    /** Appends a row; {@link #endMessage} later marks the last row of its message. */
    void add(long flags, long exch, long local, long priceTick, long quantityLots, long id) {
        ev.add(flags);
        exchTs.add(exch);
        localTs.add(local);
        tick.add(priceTick);
        lots.add(quantityLots);
        ival.add(id);
        end.add(false);
    }

    /** Marks the last row added as the end of a message. */
    void endMessage() {
        if (!end.isEmpty()) {
            end.set(end.size() - 1, true);
        }
    }

    /** Sets the price of row {@code i} (a snapshot's clear row, known only after its levels). */
    void setTick(int i, long priceTick) {
        tick.set(i, priceTick);
    }

    long ev(int i) {
        return ev.get(i);
    }

    long tick(int i) {
        return tick.get(i);
    }

    long lots(int i) {
        return lots.get(i);
    }

    void load(int i, MarketEvent event) {
        event.set(
                ev.get(i),
                exchTs.get(i),
                localTs.get(i),
                price(tick.get(i)),
                quantity(lots.get(i)),
                0L,
                ival.get(i),
                0.0,
                end.get(i));
    }

    double price(long t) {
        return t == NO_TICK ? Double.NaN : (t * tickUnits) / tickScale;
    }

    double quantity(long n) {
        return (n * lotUnits) / lotScale;
    }
}
