package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.SequenceGap;
import java.util.List;

/**
 * What a {@link BinanceFeedReader} has read so far: message counts by kind, what the book
 * synchronisation kept and dropped, and every sequence gap it re-synchronised over.
 *
 * @param lines lines read, over all files
 * @param events events handed out by {@code next()}
 * @param depthDiffsApplied depth diffs turned into depth events
 * @param depthDiffsDropped diffs older than the snapshot they were synchronised against ({@code u < lastUpdateId})
 * @param depthDiffsPending diffs buffered and still waiting for a snapshot
 * @param snapshotsApplied REST snapshots the book was synchronised on
 * @param snapshotsSkipped snapshots that arrived while the book was already in sync (not applied: the book
 *     was exact, and an older snapshot would roll it back)
 * @param trades trades turned into trade events
 * @param tradesSkipped futures trades whose {@code X} is not {@code MARKET} (insurance-fund and ADL fills),
 *     skipped as hftbacktest's converter does
 * @param bookTickers best bid/offer messages
 * @param gaps the sequence gaps re-synchronised over, in order (always empty under {@link GapPolicy#FAIL})
 * @param synced whether the book is in sync at this point
 */
public record FeedStats(
        long lines,
        long events,
        long depthDiffsApplied,
        long depthDiffsDropped,
        long depthDiffsPending,
        long snapshotsApplied,
        long snapshotsSkipped,
        long trades,
        long tradesSkipped,
        long bookTickers,
        List<SequenceGap> gaps,
        boolean synced) {
    public FeedStats {
        gaps = List.copyOf(gaps);
    }
}
