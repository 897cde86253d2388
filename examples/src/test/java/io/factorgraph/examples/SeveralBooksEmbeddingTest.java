package io.factorgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.column.DoubleColumn;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.embed.Replay;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding API over several books: {@link Replay} binds feeds by input name, whatever the order of the calls. */
class SeveralBooksEmbeddingTest {
    private static final Path GRAPH = Path.of("basis_mm.fg");
    private static final List<Path> PERP = List.of(RecordedData.file("usdm_btcusdt_20240808.gz"));
    private static final List<Path> SPOT = RecordedData.files("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz");

    @Test
    void feedsAreBoundByNameAsTheSourcesInDeclarationOrderAre() throws Exception {
        double[] basis = EmbeddingExample.basis(GRAPH, PERP, SPOT);
        CompiledGraph graph = compile();
        DoubleColumn direct = new DoubleColumn();
        try (ReplayFactorProvider replay = new ReplayFactorProvider(
                List.of(EventSources.open(PERP, GapPolicy.FAIL), EventSources.open(SPOT, GapPolicy.FAIL)),
                graph.newInstance(),
                graph.clockNanos().orElseThrow(),
                CrossedBookPolicy.FAIL)) {
            while (replay.next()) {
                direct.add(replay.current().value(0));
            }
        }
        assertTrue(basis.length > 3_000, "ticks: " + basis.length);
        assertArrayEquals(direct.toArray(), basis);
        // bound in the other order, one spot file at a time: the same replay
        DoubleColumn reversed = new DoubleColumn();
        try (ReplayFactorProvider replay = Replay.builder(graph)
                .feed("spot", SPOT.get(0))
                .feed("perp", PERP)
                .feed("spot", SPOT.get(1))
                .interval(Duration.ofMillis(100))
                .open()) {
            while (replay.next()) {
                reversed.add(replay.current().value(0));
                assertEquals(List.of("perp", "spot"), replay.current().books());
            }
        }
        assertArrayEquals(basis, reversed.toArray());
    }

    @Test
    void bindingMistakesSayWhatToCall() throws Exception {
        CompiledGraph graph = compile();
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> Replay.builder(graph).feed("sopt", SPOT));
        assertTrue(unknown.getMessage().contains("no Book input 'sopt'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("did you mean 'spot'?"), unknown.getMessage());
        IllegalArgumentException unbound = assertThrows(
                IllegalArgumentException.class,
                () -> Replay.builder(graph).feed("perp", PERP).open());
        assertEquals("no feed for book spot; call feed(NAME, files) for each of [perp, spot]", unbound.getMessage());
        MarketDataException outOfOrder = assertThrows(MarketDataException.class, () -> Replay.builder(graph)
                .feed("perp", PERP)
                .feed("spot", SPOT.get(1), SPOT.get(0))
                .open());
        assertTrue(outOfOrder.getMessage().contains("files out of order"), outOfOrder.getMessage());
    }

    private static CompiledGraph compile() throws Exception {
        return FgCompiler.standard().compile(GRAPH, List.of()).orElseThrow();
    }
}
