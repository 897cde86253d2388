package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.cli.Fg;
import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fg sweep ... --spark local[2]} as a user runs it: its own JVM, the class path bin/fg builds from the
 * jars this build packaged (the cli's libraries and Spark's), the options and logging it gives. Runs after
 * {@code package} (the {@code launcher} execution in this module's pom): the in-JVM tests share one Maven class path
 * and could not see a clash between the cli's libraries and Spark's (Jackson's, which once stopped every sweep).
 */
class BinFgSparkLauncherCheck {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theLaunchedSparkSweepPrintsTheLocalSweepsRankedTableAndNoSparkChatter(@TempDir Path dir)
            throws IOException, InterruptedException {
        List<String> args = List.of(
                "sweep",
                ROOT.resolve("examples/obi_mm.fg").toString(),
                "--data",
                RecordedData.file("usdm_btcusdt_20240808.gz").toString(),
                "--grid",
                "half_spread=0.00001,0.00002,0.00004");

        StringWriter localOut = new StringWriter();
        StringWriter localErr = new StringWriter();
        int localCode = Fg.run(args.toArray(new String[0]), new PrintWriter(localOut), new PrintWriter(localErr));
        assertEquals(0, localCode, localErr.toString());

        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve("bin/fg").toString()));
        command.addAll(args);
        command.addAll(List.of("--spark", "local[2]"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("FG_AOT", "off");
        builder.environment().remove("FG_JAVA_OPTS");
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bin/fg --spark finished within 5 minutes");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "exit code; stderr:\n" + err);

        assertEquals(ranked(localOut.toString()), ranked(out), "the ranked table, as the local sweep prints it");
        assertTrue(out.startsWith("spark local[2]: 3 points x 1 span"), out);
        assertFalse(err.contains(" INFO "), "Spark's INFO lines stay out of a user's terminal:\n" + err);
        assertFalse(err.contains("Exception"), err);
    }

    /** From the line {@code points ranked by ...} to the end. */
    private static String ranked(String out) {
        int at = out.indexOf("points ranked by");
        assertTrue(at >= 0, "a ranked table in:\n" + out);
        return out.substring(at);
    }
}
