/**
 * hftbacktest's raw Binance feed recordings ({@code <local_ts> <json>} per line, gzip): read with the order book
 * synchronised on the REST snapshot and every sequence break caught ({@link
 * io.factorgraph.runtime.data.binance.BinanceFeedReader}, with {@code DepthSync} and {@code DiffBuffer}), parsed
 * without allocation per line ({@code LineReader}, {@code JsonScanner}).
 */
package io.factorgraph.runtime.data.binance;
