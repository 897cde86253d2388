package io.factorgraph.live.launch;

import io.factorgraph.live.JvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One live process in a JVM of its own: the same {@code java} and class path as this one, the {@link JvmFlags}, and
 * {@link LiveMain} with a role and its options. Its standard output and error are read line by line by a daemon thread
 * and handed to a sink (a prefixed copy on the launcher's error stream, a test's log).
 */
public final class LiveProcess {
    private final String role;
    private final Process process;
    private final Thread pump;

    private LiveProcess(String role, Process process, Thread pump) {
        this.role = role;
        this.process = process;
        this.pump = pump;
    }

    /** The {@code java} of this JVM. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The command line that starts {@code role} with {@code options}. */
    public static List<String> command(String role, List<String> options, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JvmFlags.REQUIRED);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LiveMain.class.getName());
        command.add(role);
        command.addAll(options);
        return command;
    }

    /** Starts {@code role}; every line it prints goes to {@code lines}. */
    public static LiveProcess start(String role, List<String> options, List<String> jvmOptions, Consumer<String> lines)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(role, options, jvmOptions)).redirectErrorStream(true);
        Process process = builder.start();
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.accept(line);
                        }
                    } catch (IOException e) {
                        lines.accept("(output of " + role + " lost: " + e.getMessage() + ")");
                    }
                },
                "fg-live-" + role + "-output");
        pump.setDaemon(true);
        pump.start();
        return new LiveProcess(role, process, pump);
    }

    /** Lines as {@code [role] line} on {@code out}. */
    public static Consumer<String> prefixed(String role, PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println("[" + role + "] " + line);
                out.flush();
            }
        };
    }

    public String role() {
        return role;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit; its exit code, or -1 when it is still running after the wait. */
    public int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            return -1;
        }
        pump.join(2_000);
        return process.exitValue();
    }

    /** SIGTERM: the process cleans up (cancel-all, close) and exits. */
    public void terminate() {
        process.toHandle().destroy(); // unlike Process.destroy(), leaves its output readable to the end
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    public void kill() {
        process.toHandle().destroyForcibly();
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code graceMillis}; returns the exit code. */
    public int stop(long graceMillis) throws InterruptedException {
        if (!process.isAlive()) {
            return waitFor(0, TimeUnit.MILLISECONDS);
        }
        terminate();
        int code = waitFor(graceMillis, TimeUnit.MILLISECONDS);
        if (code == -1) {
            kill();
            code = waitFor(5, TimeUnit.SECONDS);
        }
        return code;
    }
}
