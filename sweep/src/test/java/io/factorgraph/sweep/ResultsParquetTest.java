package io.factorgraph.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's Parquet table read back: every row, the grid's values, the figures to the bit, a failure's reason. */
class ResultsParquetTest {
    @TempDir
    Path dir;

    @Test
    void theTableReadsBackToTheBit() throws Exception {
        Grid grid = Grid.parse(List.of("grid_num=0,2,3", "half_spread=0.00001,0.00003"), 100, false);
        SweepRunner runner = RecordedSweeps.runner(grid, 0);
        DataSpan span = RecordedSweeps.SPAN;
        List<SweepRow> rows = runner.run(runner.compile(2), span, SweepRunner.Progress.NONE);
        Path file = dir.resolve("results.parquet");
        ResultsParquet.write(file, grid, List.of("book"), rows);

        ParquetReadOptions options =
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        int read = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertEquals(ResultsCsv.columns(grid, List.of("book")).size(), schema.getFieldCount());
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group g = records.read();
                    SweepRow row = rows.get(read++);
                    assertEquals(row.point().index(), g.getInteger("point", 0));
                    assertEquals("20240808", g.getString("span", 0));
                    assertEquals(row.point().settings().get(0).value(), g.getString("grid_num", 0));
                    assertEquals(row.point().settings().get(1).value(), g.getString("half_spread", 0));
                    if (row.ok()) {
                        var summary = row.instruments().get(0).summary();
                        assertEquals(
                                Double.doubleToLongBits(summary.pnl()), Double.doubleToLongBits(g.getDouble("pnl", 0)));
                        assertEquals(
                                Double.doubleToLongBits(summary.sharpe()),
                                Double.doubleToLongBits(g.getDouble("sharpe", 0)));
                        assertEquals(summary.trades(), g.getLong("trades", 0));
                        assertEquals(0, g.getFieldRepetitionCount("failure"));
                    } else {
                        assertEquals(0, g.getFieldRepetitionCount("pnl"));
                        assertTrue(g.getString("failure", 0).contains("grid_num"), g.getString("failure", 0));
                    }
                }
            }
        }
        assertEquals(6, read);
        assertFalse(rows.get(0).ok(), "grid_num=0 fails");
        assertTrue(rows.get(2).ok());
    }
}
