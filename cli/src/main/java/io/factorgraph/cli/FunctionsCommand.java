package io.factorgraph.cli;

import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.spi.FunctionDefinition;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code fg functions}: what a .fg file can call. */
@Command(
        name = "functions",
        mixinStandardHelpOptions = true,
        description = "List the functions on the class path with their signatures.")
final class FunctionsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FunctionRegistry registry = FunctionRegistry.load();
        for (FunctionDefinition function : registry.functions()) {
            out.println(function.signature().render());
            out.println("    " + function.signature().description());
        }
        out.flush();
        return 0;
    }
}
