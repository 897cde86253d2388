package io.factorgraph.spark;

import io.factorgraph.sweep.Figures;
import io.factorgraph.sweep.ResultsCsv;
import io.factorgraph.sweep.SweepRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fixed schema of a cluster sweep's Parquet table, and its rows: the columns of {@link ResultsCsv} ({@code point},
 * {@code span}, one string column per grid axis with the value as the grid wrote it, every {@link Figures#ALL} figure
 * per traded book, prefixed {@code BOOK.} when the file trades several, then {@code failure}), typed: integral figures
 * as longs, the others as doubles (NaN where the figure is undefined), a failed point's figures null. One row per point
 * and span, as in the CSV.
 */
public final class ResultTable {
    private ResultTable() {}

    /**
     * @param axes the grid's axis names
     * @param books the books the points trade, in the file's sink order
     * @throws IllegalArgumentException when an axis has the name of another column
     */
    public static StructType schema(List<String> axes, List<String> books) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("point", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("span", DataTypes.StringType, false));
        for (String axis : axes) {
            fields.add(DataTypes.createStructField(axis, DataTypes.StringType, false));
        }
        for (Figures.Column c : Figures.columns(books)) {
            fields.add(DataTypes.createStructField(
                    c.name(), c.integral() ? DataTypes.LongType : DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("failure", DataTypes.StringType, true));
        Set<String> seen = new HashSet<>();
        for (StructField f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException(
                        "--grid " + f.name() + ": the results table has a column of that name already");
            }
        }
        return DataTypes.createStructType(fields);
    }

    /** The row of {@code r}, in the columns of {@link #schema} for the same books. */
    public static Row row(SweepRow r, List<String> books) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.point().index());
        cells.add(r.span());
        r.point().settings().forEach(s -> cells.add(s.value()));
        for (Figures.Column c : Figures.columns(books)) {
            java.util.OptionalDouble v = c.value().apply(r);
            cells.add(v.isEmpty() ? null : c.integral() ? (Object) (long) v.getAsDouble() : (Object) v.getAsDouble());
        }
        cells.add(r.failure().orElse(null));
        return RowFactory.create(cells.toArray());
    }
}
