/**
 * The live processes' messages, encoded and decoded: hand-written writers and readers over the SBE flyweights that
 * {@code sbe-tool} generates from {@code src/main/resources/sbe/live-messages.xml} (package
 * {@code io.factorgraph.live.sbe}, compiled apart, not an API).
 *
 * <p>SBE because the messages cross shared memory millions of times a run: fixed layouts read in place, no parsing, no
 * allocation. Each hand-written class is the single place a message is put together or taken apart, used both by the
 * process that sends it and by the {@code bench} module's hop benchmark, so that what is measured is exactly what is
 * sent. Writers are reusable and allocation-free, and encode into a publication's own buffer. Two choices keep the
 * processes honest: every message starts its body with the sender's sequence number and instance id
 * ({@link io.factorgraph.live.codec.Envelope}), so gap and restart detection is written once for every message type;
 * and execution reports decode into the backtest's own {@link io.factorgraph.backtest.exchange.ExecutionReport}, so the
 * live strategy keeps its orders and account with the backtest's classes.
 *
 * <p>Start at {@link io.factorgraph.live.codec.Envelope}, then the writer and reader of the message at hand
 * ({@link io.factorgraph.live.codec.MarketDataWriter}, {@link io.factorgraph.live.codec.FactorUpdateWriter}, ...).
 * Streams and sequencing are in {@code io.factorgraph.live.transport}.
 */
package io.factorgraph.live.codec;
