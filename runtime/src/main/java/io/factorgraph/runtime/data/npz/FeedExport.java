package io.factorgraph.runtime.data.npz;

import io.factorgraph.runtime.data.Conversion;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.util.List;

/**
 * {@code fg convert --data FEED.gz -o OUT.npz}: the rows hftbacktest's own
 * {@code hftbacktest.data.utils.binancefutures.convert} writes for the same recorded feed, so that a hftbacktest
 * user loads the file and gets the same backtest (docs/DESIGN.md §14):
 *
 * <ul>
 *   <li>every message as recorded, unsynchronised ({@link BinanceFeedReader#openUnsynchronised}): a depth diff
 *       is one {@code DEPTH_EVENT} row per level, bids then asks; a trade whose {@code X} is {@code MARKET} (or
 *       that has no {@code X}) one {@code TRADE_EVENT} row whose side is the aggressor's ({@code "m":true}:
 *       sell); a REST snapshot, per non-empty side, a {@code DEPTH_CLEAR_EVENT} row through its furthest price
 *       and one {@code DEPTH_SNAPSHOT_EVENT} row per level;
 *   <li>{@code exch_ts} is the message's {@code T} in ns ({@code E}, or the latest exchange time, for spot
 *       messages, which have no {@code T} and which hftbacktest's futures converter cannot read);
 *       {@code order_id}, {@code ival} and {@code fval} are 0;
 *   <li>bookTicker messages are left out unless asked for ({@link Conversion#bookTicker()}, hftbacktest's
 *       {@code opt='t'}), and then written as hftbacktest's custom events {@value #BEST_BID_EVENT} (best bid)
 *       and {@value #BEST_ASK_EVENT} (best ask), which its book does not apply;
 *   <li>local timestamps move later by {@link CorrectedOrder#localShift} and the rows are put in both orders
 *       by {@link CorrectedOrder#merge}, which sets {@code EXCH_EVENT} and {@code LOCAL_EVENT}.
 * </ul>
 *
 * <p>hftbacktest compresses the archive ({@code np.savez_compressed}); this writes it stored, which numpy and
 * hftbacktest load the same way. Several feed files continuing one stream are converted as one.
 */
final class FeedExport {
    /** hftbacktest's event id for a bookTicker's best bid ({@code binancefutures.convert}, {@code opt='t'}). */
    static final long BEST_BID_EVENT = 103;
    /** hftbacktest's event id for a bookTicker's best ask. */
    static final long BEST_ASK_EVENT = 104;

    private FeedExport() {}

    static DataConverter.Result convert(Conversion c) throws MarketDataException, IOException {
        MessageRows rows = read(c);
        long shift = CorrectedOrder.localShift(rows.exchTs(), rows.localTs());
        long[] exchTs = rows.exchTs();
        long[] localTs = rows.localTs();
        try (NpzEventWriter writer = NpzEventWriter.create(c.output())) {
            CorrectedOrder.merge(exchTs, localTs, EventFlags.EXCH_EVENT, EventFlags.LOCAL_EVENT, (m, timelines) -> {
                long exch = exchTs[m];
                long local = localTs[m] + shift;
                for (int r = rows.rowStart(m), end = rows.rowEnd(m); r < end; r++) {
                    writer.write(rows.ev(r) | timelines, exch, local, rows.px(r), rows.qty(r), 0L, 0L, 0.0);
                }
            });
            long events = writer.eventCount();
            long bytes = writer.finish();
            return new DataConverter.Result(c.output(), events, bytes, c.symbol(), List.of(), shift);
        }
    }

    /** The feed's rows by message, before correction. */
    private static MessageRows read(Conversion c) throws MarketDataException {
        MessageRows.Builder rows = MessageRows.builder();
        try (BinanceFeedReader feed = BinanceFeedReader.openUnsynchronised(c.inputs())) {
            MarketEvent e = feed.event();
            while (feed.next()) {
                long ev = e.ev();
                long side = ev & (EventFlags.BUY_EVENT | EventFlags.SELL_EVENT);
                long kind = ev & EventFlags.KIND_MASK;
                if (kind == EventFlags.DEPTH_EVENT
                        || kind == EventFlags.TRADE_EVENT
                        || kind == EventFlags.DEPTH_SNAPSHOT_EVENT) {
                    rows.row(kind | side, e.px(), e.qty());
                } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
                    if (!Double.isNaN(e.px())) { // an empty snapshot side: hftbacktest writes nothing for it
                        rows.row(kind | side, e.px(), 0.0);
                    }
                } else if (kind == EventFlags.DEPTH_BBO_EVENT && c.bookTicker()) {
                    rows.row(side == EventFlags.BUY_EVENT ? BEST_BID_EVENT : BEST_ASK_EVENT, e.px(), e.qty());
                }
                if (e.endOfMessage()) {
                    rows.endMessage(e.exchTs(), e.localTs());
                }
            }
        }
        return rows.build();
    }
}
