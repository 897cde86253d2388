package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fg check} on files with one kind of mistake each: the exact text a user reads (written by
 * hand in {@code src/test/resources/check/*.expected}) and the exit code.
 */
class CheckCommandTest {
    private static final Path DIR = Path.of("src/test/resources/check");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "unknown_function",
                "unknown_name",
                "function_as_name",
                "too_many_arguments",
                "missing_argument",
                "wrong_stream_type",
                "stream_for_constant",
                "constant_out_of_range",
                "duplicate_definition",
                "cycle",
                "output_undefined",
                "several_errors"
            })
    void errorIsReportedExactlyAndExitsOne(String name) throws IOException {
        CliRun run = CliRun.of("check", DIR.resolve(name + ".fg").toString());
        assertEquals(Files.readString(DIR.resolve(name + ".expected")), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.exitCode());
    }

    @Test
    void warningsArePrintedButTheGraphIsAccepted() throws IOException {
        CliRun run = CliRun.of("check", DIR.resolve("unused.fg").toString());
        assertEquals(Files.readString(DIR.resolve("unused.expected")), run.err());
        assertEquals(Files.readString(DIR.resolve("unused.stdout")), run.out());
        assertEquals(0, run.exitCode());
    }

    @Test
    void examplesCompileCleanly() throws IOException {
        try (var files = Files.list(Path.of("../examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fg")).toList()) {
                CliRun run = CliRun.of("check", file.toString());
                assertEquals("", run.err(), file + " has diagnostics");
                assertEquals(0, run.exitCode(), file.toString());
            }
        }
    }

    @Test
    void paramOverrideWithUnknownNameSuggestsTheParam() {
        CliRun run = CliRun.of("check", "../examples/basics.fg", "--param", "kk=3");
        assertEquals("""
                --param kk=3: error: no param named 'kk' in ../examples/basics.fg
                  = help: the params are: k
                ../examples/basics.fg: 1 error
                """, run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void paramOverrideOfTheWrongKindNamesTheDeclaration() {
        CliRun run = CliRun.of("check", "../examples/basics.fg", "--param", "k=1s");
        assertEquals("""
                --param k=1s: error: param 'k' is a number, but '1s' is a duration
                  = help: expected a number like 5, as 'k' is declared at 3:7
                ../examples/basics.fg: 1 error
                """, run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void paramOverrideThatIsNotALiteralIsRejected() {
        CliRun run = CliRun.of("check", "../examples/basics.fg", "--param", "k=price");
        assertEquals("""
                --param k=price: error: 'price' is not a literal
                  = help: expected a number like 5, as 'k' is declared at 3:7
                ../examples/basics.fg: 1 error
                """, run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void paramOverrideIsAppliedAndCheckedAtItsUse() {
        CliRun ok = CliRun.of("check", "../examples/basics.fg", "--param", "k=10");
        assertEquals(0, ok.exitCode(), ok.err());
        CliRun bad = CliRun.of("check", "../examples/basics.fg", "--param", "k=-2");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("error: argument 'k' of 'lag' must be >= 0, found -2"), bad.err());
        assertTrue(bad.err().contains("note: 'k' was set by --param k=-2"), bad.err());
    }

    @Test
    void paramWithoutEqualsSaysTheExpectedForm() {
        CliRun run = CliRun.of("check", "../examples/basics.fg", "--param", "k");
        assertEquals("fg check: error: --param 'k' is not of the form NAME=VALUE, e.g. window=600\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void missingFileIsAnErrorWithoutStackTrace() {
        CliRun run = CliRun.of("check", "no/such/file.fg");
        assertEquals("fg check: error: cannot read 'no/such/file.fg': no such file\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void unknownOptionNamesTheOptionAndExitsOne() {
        CliRun run = CliRun.of("check", "--frobnicate", "../examples/basics.fg");
        assertTrue(run.err().startsWith("fg check: error: Unknown option: '--frobnicate'"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void binaryFileIsRejectedAsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.fg");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        CliRun run = CliRun.of("check", file.toString());
        assertEquals("fg check: error: cannot read '" + file + "': it is not UTF-8 text\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("check", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--param=NAME=VALUE"), run.out());
        assertTrue(run.out().contains("Exit code 0 when there is no error, 1 when there is."), run.out());
    }
}
