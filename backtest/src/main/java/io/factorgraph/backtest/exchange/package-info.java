/**
 * A simulated exchange for backtests on recorded L2 data, in the manner of hftbacktest.
 *
 * <ul>
 *   <li>{@link io.factorgraph.backtest.exchange.ExchangeSimulator}: the venue. Fed market events in local order
 *       ({@code onMarketEvent}), driven in local time ({@code advanceTo}), traded on at the current time
 *       ({@code submit}, {@code cancel}); keeps the strategy's view ({@code orders()}, {@code account()}) from the
 *       reports that reached it, and the fill log.
 *   <li>{@link io.factorgraph.backtest.exchange.SimulationFeed}: an {@code EventSource} that feeds the simulator the
 *       look-ahead it needs while handing events to the backtest loop in local order.
 *   <li>{@link io.factorgraph.backtest.exchange.SimulatorConfig}: tick and lot size, maker and taker fees, latency
 *       ({@link io.factorgraph.backtest.exchange.ConstantLatency}, {@link
 *       io.factorgraph.backtest.exchange.InterpolatedLatency} from a {@code req_ts,exch_ts,resp_ts} file), queue model
 *       ({@link io.factorgraph.backtest.exchange.queue.QueueModel}: risk-averse or probabilistic with the power and log
 *       functions of {@link io.factorgraph.backtest.exchange.queue.ProbabilityFunction}), fill mode ({@link
 *       io.factorgraph.backtest.exchange.FillMode}), initial cash, and the exchange timeline rule ({@link
 *       io.factorgraph.backtest.exchange.TimelineCorrection}). {@code QueueModel.parse}, {@code FillMode.parse} and
 *       {@code LatencyModel.parse} read the command line's forms.
 *   <li>{@link io.factorgraph.backtest.exchange.ExecutionReport} and {@link
 *       io.factorgraph.backtest.exchange.OrderTracker}: what the exchange tells the strategy, and the strategy's view of
 *       its orders kept from that alone (the live path can keep one the same way).
 * </ul>
 * Prices are integer ticks and order quantities integer lots inside (market quantities are lots too, a fraction of a
 * lot only for the rare level that is off the lot grid); {@link io.factorgraph.backtest.exchange.PriceGrid} converts
 * exactly. Everything is deterministic and allocation-free in steady state.
 */
package io.factorgraph.backtest.exchange;
