package io.factorgraph.cli;

import io.factorgraph.live.JvmFlags;
import io.factorgraph.live.launch.LiveMain;
import io.factorgraph.live.launch.LiveProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs an {@code fg live} command. Aeron needs {@link JvmFlags#REQUIRED} on Java 25: when this JVM was started with
 * them (bin/fg with FG_JAVA_OPTS, or a launcher that adds them) the command runs here; otherwise the same command line
 * runs again in a child JVM that has them, with its output copied here and SIGTERM passed on, so {@code fg live} works
 * either way.
 */
final class LiveProcesses {
    static final String REEXEC_ENV = "FG_LIVE_CHILD";

    private LiveProcesses() {}

    static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> inProcess) throws Exception {
        if (JvmFlags.presentInThisJvm()) {
            return inProcess.call();
        }
        if (System.getenv(REEXEC_ENV) != null) {
            throw new UserError("this JVM lacks " + String.join(" ", JvmFlags.REQUIRED) + "; add it to FG_JAVA_OPTS");
        }
        return reexec(spec);
    }

    /** A role in this JVM, as {@code LiveMain} runs it in a child (logs on standard error). */
    static int runRole(String role, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(role);
        all.addAll(args);
        return LiveMain.run(all);
    }

    private static int reexec(CommandLine.Model.CommandSpec spec) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LiveProcess.javaExecutable());
        command.addAll(JvmFlags.REQUIRED);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Fg.class.getName());
        command.addAll(spec.root().commandLine().getParseResult().originalArgs());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(REEXEC_ENV, "1");
        Process child = builder.start();
        child.getOutputStream().close();
        Thread out = copy(child.getInputStream(), spec.commandLine().getOut());
        Thread err = copy(child.getErrorStream(), spec.commandLine().getErr());
        Thread forward = new Thread(
                () -> {
                    child.toHandle().destroy();
                    try {
                        child.waitFor();
                        out.join(2_000);
                        err.join(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "fg-live-forward-sigterm");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = child.waitFor();
        out.join(5_000);
        err.join(5_000);
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for the child itself
        }
        return code;
    }

    private static Thread copy(InputStream in, PrintWriter to) {
        Thread t = new Thread(
                () -> {
                    char[] buffer = new char[8192];
                    try (java.io.Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                        int n;
                        while ((n = reader.read(buffer)) > 0) {
                            synchronized (to) {
                                to.write(buffer, 0, n);
                                to.flush();
                            }
                        }
                    } catch (IOException e) {
                        // the child is gone
                    }
                },
                "fg-live-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
