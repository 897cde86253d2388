package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.RecordedData;
import org.junit.jupiter.api.Test;

/**
 * {@code fg sweep --spark} without the spark module on the class path (the cli does not depend on it): one line that
 * says how to get it, exit 1; {@code --span} without {@code --spark} is refused the same way. The Spark runs
 * themselves are the spark module's tests.
 */
class SweepSparkOptionTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String FILE = "../examples/obi_mm.fg";

    @Test
    void sparkWithoutTheModuleIsOneLine() {
        CliRun run = CliRun.of(
                "sweep",
                FILE,
                "--data",
                BTC,
                "--grid",
                "half_spread=0.00001,0.00002",
                "--spark",
                "local[2]",
                "--out",
                "t.parquet");
        assertEquals(1, run.exitCode());
        assertEquals(
                "fg sweep: error: --spark: the spark module is not on the class path; build it (mvn -B -q -DskipTests "
                        + "package) and run bin/fg, which adds spark/target with --spark\n",
                run.err());
    }

    @Test
    void aSpanWithoutSparkIsOneLine() {
        CliRun run =
                CliRun.of("sweep", FILE, "--data", BTC, "--grid", "half_spread=0.00001,0.00002", "--span", "d1:" + BTC);
        assertEquals(1, run.exitCode());
        assertEquals("fg sweep: error: --span: only with --spark; on one machine, --data is the one span\n", run.err());
    }
}
