package io.factorgraph.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a sweep's rows as a Parquet table, the columns of {@link ResultsCsv} in the same order: {@code point}
 * (int32), {@code span} and the grid's values (strings, as given), every figure (double, or int64 for counts; null for
 * a failed point) and {@code failure} (null for a point that ran). Written by parquet-hadoop's writer on a local file
 * without Hadoop on the class path ({@link PlainParquetConfiguration}, {@link LocalOutputFile}), uncompressed, so the
 * module needs no native codec; Spark, DuckDB and pandas read it as any Parquet file.
 */
public final class ResultsParquet {
    private ResultsParquet() {}

    /** The table's schema for a grid and the books the points trade. */
    public static MessageType schema(Grid grid, List<String> books) {
        List<String> columns = ResultsCsv.columns(grid, books);
        Types.MessageTypeBuilder schema = Types.buildMessage();
        schema.required(PrimitiveTypeName.INT32).named("point");
        schema.required(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("span");
        for (String axis : grid.names()) {
            schema.required(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(axis);
        }
        int c = 2 + grid.names().size();
        for (int b = 0; b < books.size(); b++) {
            for (Figures.Figure f : Figures.ALL) {
                schema.optional(f.integral() ? PrimitiveTypeName.INT64 : PrimitiveTypeName.DOUBLE)
                        .named(columns.get(c++));
            }
        }
        schema.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("failure");
        return schema.named("sweep");
    }

    public static void write(Path file, Grid grid, List<String> books, List<SweepRow> rows) throws IOException {
        MessageType schema = schema(grid, books);
        List<String> columns = ResultsCsv.columns(grid, books);
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (SweepRow row : rows) {
                Group g = groups.newGroup();
                g.add("point", row.point().index());
                g.add("span", row.span());
                for (GridPoint.Setting s : row.point().settings()) {
                    g.add(s.name(), s.value());
                }
                int c = 2 + grid.names().size();
                for (int b = 0; b < books.size(); b++) {
                    for (Figures.Figure f : Figures.ALL) {
                        String column = columns.get(c++);
                        if (!row.ok() || b >= row.instruments().size()) {
                            continue;
                        }
                        double v =
                                f.value().applyAsDouble(row.instruments().get(b).summary());
                        if (f.integral()) {
                            g.add(column, (long) v);
                        } else {
                            g.add(column, v);
                        }
                    }
                }
                row.failure().ifPresent(why -> g.add("failure", why));
                writer.write(g);
            }
        }
    }
}
