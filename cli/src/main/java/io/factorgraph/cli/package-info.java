/**
 * The {@code fg} command (docs/DESIGN.md §9), on picocli; {@code bin/fg} at the repository root runs it.
 *
 * <p>Start at {@link io.factorgraph.cli.Fg}, the only public class: the subcommand list, and the two handlers that turn
 * every user mistake into one line, {@code fg CMD: error: message}, and exit code 1, never a stack trace. Then read
 * {@code RunCommand}, the shortest command that does real work. Each subcommand is a class of its own
 * ({@code XxxCommand}); options several commands share are picocli mixins, written once ({@code GraphOptions}: the file
 * and its {@code --param}s; {@code DataOptions}: the data, bound to the graph's books as {@code DataBindings}, and {@code --interval}; {@code LiveTransportOptions},
 * {@code LiveVenueOptions}), so the same option means the same thing and fails the same way everywhere.
 *
 * <p>Commands are thin on purpose: compiling, replaying, backtesting, converting and the live processes are library
 * code in {@code runtime}, {@code backtest} and {@code live}, usable from Java and tested there; a command parses
 * options, checks them, calls the library and formats the result. So nothing below this package knows picocli
 * (docs/DESIGN.md §2), and errors from below ({@code MarketDataException}, compiler diagnostics) already carry a
 * complete message a command can print as it is. A bad value a command checks itself is thrown as the package's
 * {@code UserError}, naming the option, the value and the expected form. What a command writes is a contract too: the
 * factor CSV prints doubles in Java's shortest round-trip form so a value read back is the same double; progress goes
 * to standard error, and only for runs long enough to need it, so scripts see only the result. {@code fg live} commands
 * re-run themselves in a child JVM when this one lacks the flags Aeron needs.
 */
package io.factorgraph.cli;
