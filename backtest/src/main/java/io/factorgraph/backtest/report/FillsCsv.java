package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.account.FillLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code fills.csv}: every fill in time order. Header {@code exch_ts,local_ts,side,price,qty,fee,liquidity,order_id};
 * {@code exch_ts} is when the exchange executed the fill (the exchange timeline, docs/DESIGN.md §7; empty when the
 * recording did not say), {@code local_ts} when the strategy learns of it ({@code exch_ts} plus the response
 * latency), both in ns since the epoch; {@code side} is {@code buy} or {@code sell}; {@code liquidity} is
 * {@code maker} or {@code taker}; doubles in Java's shortest round-trip form ({@link Double#toString}).
 */
public final class FillsCsv {
    /** The header line, without its newline. */
    public static final String HEADER = "exch_ts,local_ts,side,price,qty,fee,liquidity,order_id";

    private FillsCsv() {}

    /** Writes the file (UTF-8). */
    public static void write(Path file, FillLog fills) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, fills);
        }
    }

    /** Writes header and rows to {@code out}, each line ended by {@code \n}; does not close it. */
    public static void write(Writer out, FillLog f) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(120);
        for (int i = 0; i < f.size(); i++) {
            row.setLength(0);
            if (f.exchTime(i) != Fill.UNKNOWN_TIME) {
                row.append(f.exchTime(i));
            }
            row.append(',')
                    .append(f.localTime(i))
                    .append(',')
                    .append(f.buy(i) ? "buy" : "sell")
                    .append(',')
                    .append(f.price(i))
                    .append(',')
                    .append(f.qty(i))
                    .append(',')
                    .append(f.fee(i))
                    .append(',')
                    .append(f.maker(i) ? "maker" : "taker")
                    .append(',')
                    .append(f.orderId(i))
                    .append('\n');
            out.append(row);
        }
    }
}
