package io.factorgraph.backtest.exchange;

import java.util.Locale;

/** How much of an order one market event can execute: hftbacktest's two L2 exchange models. */
public enum FillMode {
    /**
     * hftbacktest's {@code NoPartialFillExchange}: when an order executes, it executes entirely. A resting order is
     * filled by a trade through its price, by the opposite best crossing its price, or by a trade at its price once
     * its queue position has gone past the front by at least one lot; a marketable order takes its whole quantity
     * at the best opposite price, whatever quantity rests there.
     */
    NO_PARTIAL,
    /**
     * hftbacktest's {@code PartialFillExchange}: a trade at the order's price executes only the part of the trade
     * that reaches past the queue ahead (in whole lots, at most the trade's quantity not already given to an earlier
     * order of ours at that price, at most the order's leaves); the order keeps its place at the front of the queue
     * with the rest. Trades through the price and crossing still execute everything. A marketable order walks the
     * opposite levels strictly better than its price, taking each level's quantity, and takes what is left at its
     * own price (it cannot rest in the opposite book of a replayed market).
     */
    PARTIAL;

    /**
     * Parses a fill mode name as the command line writes it: {@code no-partial} or {@code partial} (case and
     * {@code _} for {@code -} do not matter).
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static FillMode parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "no-partial", "nopartial" -> NO_PARTIAL;
            case "partial" -> PARTIAL;
            default ->
                throw new IllegalArgumentException("unknown fill mode '" + text + "': expected no-partial or partial");
        };
    }

    /** The name {@link #parse} reads back. */
    public String label() {
        return this == NO_PARTIAL ? "no-partial" : "partial";
    }
}
