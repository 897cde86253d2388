package io.factorgraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one {@code fg} command line printed and returned. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Fg.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
