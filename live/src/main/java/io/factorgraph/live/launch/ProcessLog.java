package io.factorgraph.live.launch;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * One line per event of a live process, on its standard error: {@code HH:mm:ss.SSS fg live ROLE: message}, or
 * {@code ... ROLE: error: message} for an error.
 */
public final class ProcessLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final String role;
    private final PrintStream out;
    private final String prefix;

    public ProcessLog(String role, PrintStream out) {
        this(role, out, "");
    }

    private ProcessLog(String role, PrintStream out, String prefix) {
        this.role = role;
        this.out = out;
        this.prefix = prefix;
    }

    /** The same log, each message starting with {@code prefix} (which instrument a line is about). */
    public ProcessLog prefixed(String prefix) {
        return new ProcessLog(role, out, this.prefix + prefix);
    }

    public void info(String message) {
        out.println(LocalTime.now().format(TIME) + " fg live " + role + ": " + prefix + message);
        out.flush();
    }

    /** A failure or a refusal: the line says {@code error:}, which is what a reader (or a log filter) looks for. */
    public void error(String message) {
        info("error: " + message);
    }
}
