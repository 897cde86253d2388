package io.factorgraph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fg} command: compile, inspect and run factor graphs. */
@Command(name = "fg", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compile, inspect and run streaming factor graphs written in .fg files.",
        footer = {"", "The benchmark suite: fg bench [--quick] [--only ticks|replay|compile|ipc] (bin/fg-bench; BENCHMARKS.md)."},
        subcommands = {CheckCommand.class, DotCommand.class, RunCommand.class, BacktestCommand.class,
            ConvertCommand.class, LiveCommand.class, FunctionsCommand.class,
            CommandLine.HelpCommand.class})
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
        commandLine.setParameterExceptionHandler(Fg::onBadArguments);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UserError userError) {
                line.getErr().println("fg " + line.getCommandName() + ": error: " + userError.getMessage());
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

    private static int onBadArguments(CommandLine.ParameterException exception, String[] args) {
        CommandLine line = exception.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("fg " + line.getCommandName() + ": error: " + exception.getMessage());
        err.println("Usage: " + line.getCommandSpec().qualifiedName() + " " + synopsis(line));
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return 1;
    }

    private static String synopsis(CommandLine line) {
        String usage = line.getHelp().synopsis(0).trim();
        int space = usage.indexOf(' ');
        return space < 0 ? "" : usage.substring(space + 1).replaceFirst("^" + line.getCommandName() + " ", "");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
