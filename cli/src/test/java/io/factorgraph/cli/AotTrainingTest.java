package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fg aot}'s workload: it must run clean, or the cache would record an error path instead of the real one. */
class AotTrainingTest {
    @TempDir
    Path dir;

    @Test
    void everyTrainingCommandSucceedsOnTheExamples() throws IOException {
        assertEquals(List.of(), AotTraining.train(Path.of("..", "examples")));
    }

    @Test
    void theGeneratedGraphCompilesWithEveryStatementAnOutput() {
        CompileResult compiled = FgCompiler.standard().compile("generated.fg", AotTraining.generatedGraph(50));
        assertEquals(List.of(), compiled.errors(), "the generated graph compiles");
        assertEquals(50, compiled.orElseThrow().outputs().size());
    }

    @Test
    void aFolderWithoutGraphsIsAnErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> AotTraining.train(dir));
        assertEquals(dir + ": no .fg files to train on", e.getMessage());
    }

    @Test
    void aFailingCommandIsReportedWithItsErrors() throws IOException {
        Files.writeString(dir.resolve("broken.fg"), "x = nosuch(1)\n");
        List<String> failures = AotTraining.train(dir);
        assertTrue(failures.get(0).startsWith("fg check " + dir.resolve("broken.fg") + " exited 1: "), failures.get(0));
        assertTrue(failures.get(0).contains("nosuch"), failures.get(0));
    }
}
