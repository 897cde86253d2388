package io.factorgraph.cli;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The graph file and its {@code --param} overrides, shared by every command that compiles. */
final class GraphOptions {
    @Parameters(index = "0", paramLabel = "FILE.fg", description = "The graph to compile.")
    Path file;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "Override a param of the file, e.g. --param window=300 (repeatable).")
    List<String> params = new ArrayList<>();

    List<ParamOverride> overrides() {
        List<ParamOverride> overrides = new ArrayList<>();
        for (String param : params) {
            try {
                overrides.add(ParamOverride.parse(param));
            } catch (IllegalArgumentException e) {
                throw new UserError("--param " + e.getMessage());
            }
        }
        return overrides;
    }

    /** The file and the overrides as a live process's {@code --graph}/{@code --param} arguments. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        LiveTransportOptions.put(args, "graph", file);
        LiveTransportOptions.putAll(args, "param", params);
        return args;
    }

    /** Compiles the file, printing every diagnostic to {@code err}. */
    CompileResult compile(PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(
                    Files.isDirectory(file)
                            ? "'" + file + "' is a directory, not a .fg file"
                            : "cannot read '" + file + "': no such file");
        }
        CompileResult result;
        try {
            result = FgCompiler.standard().compile(file, overrides());
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read '" + file + "': no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserError("cannot read '" + file + "': it is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read '" + file + "': " + e.getMessage());
        }
        err.print(result.render());
        err.flush();
        return result;
    }
}
