package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark 4 starts on this JDK with the module options of the pom, and writes and reads Parquet. */
class SparkSmokeTest {
    @Test
    void localSparkWritesParquetOnThisJdk(@TempDir Path dir) throws Exception {
        try (SparkSession spark =
                SparkSession.builder().master("local[2]").appName("smoke").getOrCreate()) {
            String out = dir.resolve("t.parquet").toString();
            spark.createDataset(List.of(1, 2, 3), Encoders.INT()).toDF("x").write().parquet(out);
            assertEquals(3, spark.read().parquet(out).count());
        }
    }
}
