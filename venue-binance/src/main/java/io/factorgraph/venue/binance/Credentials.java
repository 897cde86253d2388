package io.factorgraph.venue.binance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * An API key and its secret. They come from the environment or from a file only its owner may read, never from the
 * command line (which any user of the machine can read in the process list); {@link #toString()} never shows the
 * secret, so that no log line or exception message can carry it.
 */
public final class Credentials {
    /** The environment variable holding the API key. */
    public static final String KEY_VARIABLE = "BINANCE_API_KEY";
    /** The environment variable holding the API secret. */
    public static final String SECRET_VARIABLE = "BINANCE_API_SECRET";

    private final String apiKey;
    private final String secret;

    public Credentials(String apiKey, String secret) {
        if (apiKey == null || apiKey.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an API key and its secret are both needed");
        }
        this.apiKey = apiKey.strip();
        this.secret = secret.strip();
    }

    /** The key, sent in the {@code X-MBX-APIKEY} header (not a secret, but shown shortened in logs). */
    public String apiKey() {
        return apiKey;
    }

    /** The secret, for the signer only. */
    String secret() {
        return secret;
    }

    /** The key's first four characters, for the log. */
    public String describe() {
        return "key " + (apiKey.length() > 4 ? apiKey.substring(0, 4) + "…" : "…");
    }

    @Override
    public String toString() {
        return "Credentials[" + describe() + ", secret hidden]";
    }

    /**
     * From {@value #KEY_VARIABLE} and {@value #SECRET_VARIABLE}.
     *
     * @throws IllegalArgumentException naming the variable that is missing
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
        String key = env.get(KEY_VARIABLE);
        String secret = env.get(SECRET_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no API key: set " + KEY_VARIABLE + " (or give --credentials FILE)");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "no API secret: set " + SECRET_VARIABLE + " (or give --credentials FILE)");
        }
        return new Credentials(key, secret);
    }

    /**
     * From a file of {@code key=...} and {@code secret=...} lines that only its owner may read or write (mode 600 or
     * 400): a secret others can read is refused, before it is read.
     *
     * @throws IllegalArgumentException one line naming the file and what is wrong with it (never its content)
     */
    public static Credentials fromFile(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("--credentials " + file
                    + ": cannot check who may read it on this file system; use the environment");
        } catch (IOException e) {
            throw new IllegalArgumentException("--credentials " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
        for (PosixFilePermission p : permissions) {
            if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE) {
                throw new IllegalArgumentException("--credentials " + file
                        + ": others may read or run it; make it readable by its owner only (chmod 600)");
            }
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--credentials " + file + ": cannot read it ("
                    + e.getClass().getSimpleName() + ")");
        }
        String key = null;
        String secret = null;
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            String name = eq < 0 ? l : l.substring(0, eq).strip();
            if (eq < 0 || !(name.equals("key") || name.equals("secret"))) {
                throw new IllegalArgumentException(
                        "--credentials " + file + ":" + lineNumber + ": expected key=... or secret=...");
            }
            if (name.equals("key")) {
                key = l.substring(eq + 1).strip();
            } else {
                secret = l.substring(eq + 1).strip();
            }
        }
        if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "--credentials " + file + ": needs both a key=... and a secret=... line");
        }
        return new Credentials(key, secret);
    }
}
