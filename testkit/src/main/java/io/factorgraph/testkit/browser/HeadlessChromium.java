package io.factorgraph.testkit.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an HTML report in a real headless Chromium and gives back the DOM after its scripts ran: the one way the
 * report tests (the backtest's and the sweep's) check that a page a person opens really draws what it claims. The
 * pages write what they drew into an {@code fg-evidence} element, which the tests read from the DOM.
 *
 * <p>Needs Debian's {@code chromium} package, or {@code FG_CHROMIUM} naming a Chromium or Chrome binary; without
 * one the calling test fails (it does not skip), saying what to install.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /**
     * Runs headless Chromium on {@code page} (a file) and returns the DOM after its scripts ran.
     *
     * @param tmp a directory for the browser's profile and its error output
     * @throws AssertionError when there is no browser, it does not finish in 120 s, or it gives no page DOM (with its
     *     error output)
     */
    public static String dumpDom(Path page, Path tmp) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path stderr = tmp.resolve("chromium-stderr-" + System.nanoTime() + ".txt");
        List<String> cmd = List.of(
                binary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1400,1200",
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String dom = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !dom.contains("fg-evidence")) {
            throw new AssertionError("chromium exited " + p.exitValue() + " without the page's DOM; stderr:\n"
                    + Files.readString(stderr));
        }
        return dom;
    }

    /** The browser: {@code FG_CHROMIUM}, else the first of chromium, chromium-browser, google-chrome on PATH. */
    public static String binary() {
        String env = System.getenv("FG_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("headless Chromium is needed to check the report renders: install Debian's package "
                + "with `apt-get install -y chromium`, or set FG_CHROMIUM to a Chromium or Chrome binary");
    }
}
