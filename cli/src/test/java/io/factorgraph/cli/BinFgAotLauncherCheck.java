package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/fg aot} and the commands that start from its cache, as a user runs them, from the jars this build
 * packaged (the {@code launcher} execution in this module's pom, after {@code package}): the cache is written, a
 * command started from it prints exactly what it prints without it, and a cache older than the build is not used.
 */
class BinFgAotLauncherCheck {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CACHE = ROOT.resolve("cli/target/fg.aot");

    private record Run(int code, String out, String err) {}

    private static Run fg(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve("bin/fg").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("FG_JAVA_OPTS");
        builder.environment().remove("FG_AOT");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "bin/fg " + String.join(" ", args) + " finished");
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aCommandStartedFromTheCachePrintsWhatItPrintsWithoutIt(@TempDir Path dir)
            throws IOException, InterruptedException {
        Files.deleteIfExists(CACHE);
        try {
            Run aot = fg(dir, Map.of(), "aot");
            assertEquals(0, aot.code(), aot.err());
            assertTrue(Files.size(CACHE) > 1 << 20, "a cache of some MB at " + CACHE);
            assertTrue(aot.out().startsWith("fg aot: wrote " + CACHE), aot.out());

            String[] dot = {"dot", "examples/obi_mm.fg"};
            Run with = fg(dir, Map.of(), dot);
            Run without = fg(dir, Map.of("FG_AOT", "off"), dot);
            assertEquals(0, with.code(), with.err());
            assertEquals(without.out(), with.out(), "stdout with the cache: no JVM line among the graph's");
            assertEquals(without.err(), with.err());

            // the build is newer than the cache: not used, and nothing said about it
            Files.setLastModifiedTime(
                    ROOT.resolve("cli/target/fg.jar"),
                    FileTime.from(Instant.now().plusSeconds(5)));
            Run stale = fg(dir, Map.of(), dot);
            assertEquals(without.out(), stale.out());
            assertEquals(without.err(), stale.err());
        } finally {
            Files.deleteIfExists(CACHE);
        }
    }
}
