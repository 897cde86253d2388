/**
 * A real venue for the live processes: Binance USD-M futures. Market data from the combined WebSocket stream and the
 * REST depth snapshot, read by the same parser and book synchronisation as the recorded files; orders through the
 * signed REST API; execution reports from the user data stream. The core modules do not depend on this one (docs/DESIGN.md
 * §8); the connector reaches it through the seams of {@code io.factorgraph.live.connector}.
 */
package io.factorgraph.venue.binance;
