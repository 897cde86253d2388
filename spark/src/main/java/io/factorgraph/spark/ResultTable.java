package io.factorgraph.spark;

import io.factorgraph.backtest.report.HftbacktestStats;
import io.factorgraph.backtest.report.PerformanceSummary;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fixed schema of a cluster sweep's Parquet table, and its rows: {@code point}, {@code span}, one string column per
 * grid axis (the value as the grid wrote it), {@code book}, every figure of {@link PerformanceSummary} under its
 * component's name and hftbacktest's figures as {@code hftbacktest_NAME}, then {@code failure}. The figures are read
 * off the records' components, so a figure added to the summary is a column without a change here; a failed point's
 * figures are null. One row per point, span and traded instrument (one instrument: one row per point and span).
 */
public final class ResultTable {
    /** The columns before the axes. */
    public static final List<String> LEADING = List.of("point", "span");

    private static final RecordComponent[] SUMMARY = figures(PerformanceSummary.class);
    private static final RecordComponent[] HFTBACKTEST = figures(HftbacktestStats.class);
    private static final String HFTBACKTEST_PREFIX = "hftbacktest_";

    private ResultTable() {}

    /**
     * @throws IllegalArgumentException when an axis has the name of another column
     */
    public static StructType schema(List<String> axes) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("point", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("span", DataTypes.StringType, false));
        for (String axis : axes) {
            fields.add(DataTypes.createStructField(axis, DataTypes.StringType, false));
        }
        fields.add(DataTypes.createStructField("book", DataTypes.StringType, true));
        for (RecordComponent c : SUMMARY) {
            fields.add(DataTypes.createStructField(c.getName(), type(c), true));
        }
        for (RecordComponent c : HFTBACKTEST) {
            fields.add(DataTypes.createStructField(HFTBACKTEST_PREFIX + c.getName(), type(c), true));
        }
        fields.add(DataTypes.createStructField("failure", DataTypes.StringType, true));
        Set<String> seen = new HashSet<>();
        for (StructField f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException(
                        "grid axis '" + f.name() + "' has the name of a result column; the table cannot hold it");
            }
        }
        return DataTypes.createStructType(fields);
    }

    /** The row for {@code r}, whose point has {@code values} on the axes. */
    public static Row row(ResultRow r, List<String> values) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.point());
        cells.add(r.span());
        cells.addAll(values);
        cells.add(r.book().orElse(null));
        PerformanceSummary summary = r.summary().orElse(null);
        for (RecordComponent c : SUMMARY) {
            cells.add(summary == null ? null : value(c, summary));
        }
        HftbacktestStats hft = summary == null ? null : summary.hftbacktest();
        for (RecordComponent c : HFTBACKTEST) {
            cells.add(hft == null ? null : value(c, hft));
        }
        cells.add(r.failure().orElse(null));
        return RowFactory.create(cells.toArray());
    }

    /** The components of primitive type: the figures (the nested hftbacktest record is flattened apart). */
    private static RecordComponent[] figures(Class<? extends Record> type) {
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isPrimitive()) {
                out.add(c);
            }
        }
        return out.toArray(RecordComponent[]::new);
    }

    private static DataType type(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == int.class) {
            return DataTypes.IntegerType;
        }
        if (t == long.class) {
            return DataTypes.LongType;
        }
        if (t == double.class) {
            return DataTypes.DoubleType;
        }
        if (t == boolean.class) {
            return DataTypes.BooleanType;
        }
        throw new IllegalStateException("no column type for " + c);
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }
}
