/**
 * The connector process (docs/DESIGN.md §8): the market data source and the order gateway of a live run. Here the
 * source is a recorded feed replayed at 1x or faster, and the venue is a paper one: the backtest's
 * {@link io.factorgraph.backtest.exchange.ExchangeSimulator}, fed the same events.
 *
 * <p>Start at {@link io.factorgraph.live.connector.Connector}; its options are
 * {@link io.factorgraph.live.connector.ConnectorConfig}. Reusing the simulator rather than writing a second venue is
 * the point: a live run and a backtest of the same data fill orders by the same rules, and in lock-step mode (the
 * venue's clock moved by the strategy's ticks, as the backtest moves it) they can be compared for parity. The connector
 * ends its batches at message boundaries (a large snapshot spans several), paces them against the wall clock, and keeps
 * its own local-timeline book to answer the engine's re-sync requests with a snapshot sent on the market data stream
 * itself, ordered with the events around it. Shutdown is orderly: after the data it serves the strategy until it is
 * done, runs out what is in flight, cancels what still rests, and says {@code VenueClosed}.
 *
 * <p>Neighbours: {@code io.factorgraph.live.engine} consumes its market data; {@code io.factorgraph.live.strategy}
 * sends it orders; the wire is {@code io.factorgraph.live.codec} and {@code io.factorgraph.live.transport}.
 */
package io.factorgraph.live.connector;
