package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.market.MarketEvent;
import java.util.Arrays;

/**
 * The events one step of the synthetic market expands to, in primitive columns, prices in ticks and
 * quantities in lots, handed out one by one through a {@link MarketEvent} cursor. The arrays grow to the
 * largest step (the opening snapshot) and are then reused: steady-state generation allocates nothing.
 */
final class EventRows {
    /** A price that stands for NaN (a depth clear of a whole side). */
    static final long NO_TICK = Long.MIN_VALUE;

    private final double tickUnits;
    private final double tickScale;
    private final double lotUnits;
    private final double lotScale;
    private long[] ev;
    private long[] exchTs;
    private long[] localTs;
    private long[] tick;
    private long[] lots;
    private long[] ival;
    private boolean[] end;
    private int size;

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
        ev = new long[capacity];
        exchTs = new long[capacity];
        localTs = new long[capacity];
        tick = new long[capacity];
        lots = new long[capacity];
        ival = new long[capacity];
        end = new boolean[capacity];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Appends a row; {@link #endMessage} later marks the last row of its message. */
    void add(long flags, long exch, long local, long priceTick, long quantityLots, long id) {
        if (size == ev.length) {
            grow();
        }
        int i = size++;
        ev[i] = flags;
        exchTs[i] = exch;
        localTs[i] = local;
        tick[i] = priceTick;
        lots[i] = quantityLots;
        ival[i] = id;
        end[i] = false;
    }

    /** Marks the last row added as the end of a message. */
    void endMessage() {
        if (size > 0) {
            end[size - 1] = true;
        }
    }

    /** Sets the price of row {@code i} (a snapshot's clear row, known only after its levels). */
    void setTick(int i, long priceTick) {
        tick[i] = priceTick;
    }

    long ev(int i) {
        return ev[i];
    }

    long tick(int i) {
        return tick[i];
    }

    long lots(int i) {
        return lots[i];
    }

    void load(int i, MarketEvent event) {
        event.set(ev[i], exchTs[i], localTs[i], price(tick[i]), quantity(lots[i]), 0L, ival[i], 0.0, end[i]);
    }

    double price(long t) {
        return t == NO_TICK ? Double.NaN : (t * tickUnits) / tickScale;
    }

    double quantity(long n) {
        return (n * lotUnits) / lotScale;
    }

    private void grow() {
        int capacity = ev.length << 1;
        ev = Arrays.copyOf(ev, capacity);
        exchTs = Arrays.copyOf(exchTs, capacity);
        localTs = Arrays.copyOf(localTs, capacity);
        tick = Arrays.copyOf(tick, capacity);
        lots = Arrays.copyOf(lots, capacity);
        ival = Arrays.copyOf(ival, capacity);
        end = Arrays.copyOf(end, capacity);
    }
}
