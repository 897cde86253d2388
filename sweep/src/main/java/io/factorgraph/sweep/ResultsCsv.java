package io.factorgraph.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes a sweep's rows as CSV, in a stable column order: {@code point, span}, the grid's axes in their order, then for
 * each traded instrument every {@link Figures#ALL} figure (prefixed {@code BOOK.} when the file trades several) and,
 * for several, the total ({@code total.}, {@link Figures#columns}), then {@code failure}. Numbers are Java's shortest round-trip text ({@link Double#toString}), so a figure read back is the
 * same double to the bit.
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    /** The header's columns for a grid and the books the points trade (in the file's sink order). */
    public static List<String> columns(Grid grid, List<String> books) {
        List<String> columns = new ArrayList<>();
        columns.add("point");
        columns.add("span");
        columns.addAll(grid.names());
        for (Figures.Column c : Figures.columns(books)) {
            columns.add(c.name());
        }
        columns.add("failure");
        return columns;
    }

    public static void write(Path file, Grid grid, List<String> books, List<SweepRow> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, grid, books, rows);
        }
    }

    public static void write(Writer out, Grid grid, List<String> books, List<SweepRow> rows) throws IOException {
        out.write(String.join(",", columns(grid, books)));
        out.write('\n');
        List<Figures.Column> figures = Figures.columns(books);
        for (SweepRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(row.point().index()));
            cells.add(quote(row.span()));
            row.point().settings().forEach(s -> cells.add(quote(s.value())));
            for (Figures.Column c : figures) {
                OptionalDouble v = c.value().apply(row);
                cells.add(
                        v.isEmpty()
                                ? ""
                                : c.integral()
                                        ? Long.toString((long) v.getAsDouble())
                                        : Double.toString(v.getAsDouble()));
            }
            cells.add(quote(row.failure().orElse("")));
            out.write(String.join(",", cells));
            out.write('\n');
        }
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
