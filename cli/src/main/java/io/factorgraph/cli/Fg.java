package io.factorgraph.cli;

import io.factorgraph.runtime.spi.WindowCapacityException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fg} command: compile, inspect and run factor graphs. */
@Command(
        name = "fg",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Compile, inspect and run streaming factor graphs written in .fg files.",
        footer = {
            "",
            "The benchmark suite: fg bench [--quick] [--only ticks|replay|compile|ipc] (bin/fg-bench; BENCHMARKS.md)."
        },
        subcommands = {
            CheckCommand.class,
            DotCommand.class,
            RunCommand.class,
            BacktestCommand.class,
            SweepCommand.class,
            ConvertCommand.class,
            LiveCommand.class,
            FunctionsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Fg implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (0 ok, 1 bad input or errors found). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Fg());
        commandLine.setOut(out);
        commandLine.setErr(err);
        OptionTypes.register(commandLine);
        commandLine.setParameterExceptionHandler(Fg::onBadArguments);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UserError
                    || exception instanceof WindowCapacityException
                    || exception instanceof io.factorgraph.runtime.state.SnapshotException) {
                line.getErr().println(line.getCommandSpec().qualifiedName() + ": error: " + exception.getMessage());
                line.getErr().flush();
                return 1;
            }
            throw exception;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * One line: a value that does not parse is {@code --option 'value': expected ...} (the converters of {@link
     * OptionTypes} quote the value and name the form); anything else is picocli's message and where to find help.
     */
    private static int onBadArguments(CommandLine.ParameterException exception, String[] args) {
        CommandLine line = exception.getCommandLine();
        PrintWriter err = line.getErr();
        String message;
        if (exception.getCause() instanceof CommandLine.TypeConversionException bad
                && exception.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            message = option.longestName() + " " + bad.getMessage();
        } else {
            message = exception.getMessage() + " (see '" + line.getCommandSpec().qualifiedName() + " --help')";
        }
        err.println(line.getCommandSpec().qualifiedName() + ": error: " + message);
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
