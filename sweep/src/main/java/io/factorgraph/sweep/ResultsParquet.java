package io.factorgraph.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
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
        for (Figures.Column c : Figures.columns(books)) {
            schema.optional(c.integral() ? PrimitiveTypeName.INT64 : PrimitiveTypeName.DOUBLE)
                    .named(c.name());
        }
        schema.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named("failure");
        return schema.named("sweep");
    }

    public static void write(Path file, Grid grid, List<String> books, List<SweepRow> rows) throws IOException {
        MessageType schema = schema(grid, books);
        List<Figures.Column> figures = Figures.columns(books);
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
                for (Figures.Column c : figures) {
                    OptionalDouble v = c.value().apply(row);
                    if (v.isPresent()) {
                        if (c.integral()) {
                            g.add(c.name(), (long) v.getAsDouble());
                        } else {
                            g.add(c.name(), v.getAsDouble());
                        }
                    }
                }
                row.failure().ifPresent(why -> g.add("failure", why));
                writer.write(g);
            }
        }
    }
}
