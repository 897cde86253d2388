package io.factorgraph.backtest.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code timeseries.csv}: every periodic record, nothing downsampled. Header
 * {@code ts,mid,best_bid,best_ask,quote_bid,quote_ask,position,cash,fees,equity}; {@code ts} in ns since
 * the epoch; doubles in Java's shortest round-trip form ({@link Double#toString}: a value read back with
 * {@link Double#parseDouble} is the same double), so a missing value (no quote, no mid) is {@code NaN}.
 */
public final class TimeSeriesCsv {
    /** The header line, without its newline. */
    public static final String HEADER = "ts,mid,best_bid,best_ask,quote_bid,quote_ask,position,cash,fees,equity";

    private TimeSeriesCsv() {}

    /** Writes the file (UTF-8). */
    public static void write(Path file, TimeSeries series) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, series);
        }
    }

    /** Writes header and rows to {@code out}, each line ended by {@code \n}; does not close it. */
    public static void write(Writer out, TimeSeries s) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(200);
        for (int i = 0; i < s.size(); i++) {
            row.setLength(0);
            row.append(s.ts[i])
                    .append(',')
                    .append(s.mid[i])
                    .append(',')
                    .append(s.bestBid[i])
                    .append(',')
                    .append(s.bestAsk[i])
                    .append(',')
                    .append(s.quoteBid[i])
                    .append(',')
                    .append(s.quoteAsk[i])
                    .append(',')
                    .append(s.position[i])
                    .append(',')
                    .append(s.cash[i])
                    .append(',')
                    .append(s.fees[i])
                    .append(',')
                    .append(s.equity[i])
                    .append('\n');
            out.append(row);
        }
    }
}
