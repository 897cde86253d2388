package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotCommandTest {
    @Test
    void printsEveryNodeAndEdgeOfTheGraph() {
        CliRun run = CliRun.of("dot", "../examples/basics.fg");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                strict digraph factorgraph {
                  rankdir=LR;
                  label="../examples/basics.fg";
                  n0 [ label="input price: double" shape="box" ];
                  n1 [ label="lag(k=5)" shape="ellipse" ];
                  n2 [ label="momentum\\nsub()" shape="doubleoctagon" ];
                  n3 [ label="0" shape="plaintext" ];
                  n4 [ label="rising\\ngt()" shape="doubleoctagon" ];
                  n0 -> n1;
                  n0 -> n2;
                  n1 -> n2;
                  n2 -> n4;
                  n3 -> n4;
                }
                """, run.out());
    }

    @Test
    void svgIsRenderedByGraphviz(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("graph.svg");
        CliRun run = CliRun.of("dot", "../examples/basics.fg", "-o", svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text);
        assertTrue(text.contains("momentum"), "the SVG shows the node names");
    }

    @Test
    void dotFileIsWritten(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("graph.dot");
        CliRun run = CliRun.of("dot", "../examples/basics.fg", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(CliRun.of("dot", "../examples/basics.fg").out(), Files.readString(out));
    }

    @Test
    void unknownOutputExtensionIsAnError(@TempDir Path dir) {
        CliRun run = CliRun.of(
                "dot", "../examples/basics.fg", "-o", dir.resolve("graph.png").toString());
        assertEquals(
                "fg dot: error: -o " + dir.resolve("graph.png") + ": expected a file ending in .dot or .svg\n",
                run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void graphWithErrorsPrintsDiagnosticsAndNoDot() {
        CliRun run = CliRun.of("dot", "src/test/resources/check/cycle.fg");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("error: cycle: a -> b -> c -> a"), run.err());
    }
}
