/**
 * Recorded market data: the pieces every data format shares, and the registry of formats.
 *
 * <p>Every format turns files into one {@link io.factorgraph.runtime.data.EventSource}, a pull cursor of
 * hftbacktest-style events that allocates nothing per event; {@link io.factorgraph.runtime.data.BookReplay}
 * drives a book from it. {@link io.factorgraph.runtime.data.EventSources#open} picks the format by the files'
 * names and refuses unknown or mixed kinds; {@link io.factorgraph.runtime.data.DataConverter} ({@code fg convert})
 * reads any format and writes a {@link io.factorgraph.runtime.data.WritableEventFormat}. Shared here:
 * {@link io.factorgraph.runtime.data.GapPolicy} and {@link io.factorgraph.runtime.data.SequenceGap} (what a
 * sequence break does), {@link io.factorgraph.runtime.data.ChainedEventSource} (files read one after another),
 * {@link io.factorgraph.runtime.data.PartFiles} (atomic output), {@link io.factorgraph.runtime.data.MarketDataException}
 * (bad data, naming file and line) and {@link io.factorgraph.runtime.data.RecordedData} (where the tests' recorded
 * data is).
 *
 * <p>One package per format:
 * <ul>
 *   <li>{@code binance}: hftbacktest's raw Binance feed recordings ({@code .gz}), with snapshot synchronisation
 *       and sequence checks, and the export of such a feed as hftbacktest's own converter writes it;</li>
 *   <li>{@code npz}: hftbacktest's {@code .npz} event files, read and written;</li>
 *   <li>{@code fgev}: factorgraph's binary event file, read and written.</li>
 * </ul>
 *
 * <h2>Adding a data format</h2>
 * Create a package {@code io.factorgraph.runtime.data.<format>} holding the reader (an
 * {@link io.factorgraph.runtime.data.EventSource}) and a class implementing
 * {@link io.factorgraph.runtime.data.EventFormat} (or {@link io.factorgraph.runtime.data.WritableEventFormat} if
 * {@code fg convert} should write it), then add one instance of that class to the list in
 * {@link io.factorgraph.runtime.data.EventFormats}. Every command ({@code fg run}, {@code fg backtest},
 * {@code fg convert}, {@code fg live}) then accepts the files, and the error messages list the new format.
 */
package io.factorgraph.runtime.data;
