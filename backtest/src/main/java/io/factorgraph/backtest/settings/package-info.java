/**
 * The simulator's options as typed values, parsed once from the text a user writes ({@code --latency 250us/1.5ms},
 * {@code --fees 0.0002,0.0005}, {@code --queue power:3}, {@code --on-gap resync}, {@code --speed 10}) and shared by
 * {@code fg backtest}, {@code fg live} and the live processes. Each value parses in the process the user started, so
 * a bad one is an error before any process starts or any data is read, and writes itself back in a canonical form
 * that parses to an equal value: that form is what the live launcher puts on its children's command lines.
 *
 * <p>Latency, fees and lot size may differ by instrument ({@link io.factorgraph.backtest.settings.PerInstrument}:
 * {@code VALUE} for every traded book, {@code BOOK=VALUE} for one); {@link
 * io.factorgraph.backtest.settings.InstrumentSettings} holds a run's settings of every instrument.
 *
 * <p>A rejected text is an {@link java.lang.IllegalArgumentException} whose message starts with the text in quotes
 * and names the expected form; the caller puts the option's name in front of it.
 */
package io.factorgraph.backtest.settings;
