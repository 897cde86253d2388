package io.factorgraph.live.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options of a live process as {@code --name value} pairs (every option takes a value; repeatable ones are
 * given again), the form in which {@code fg live run} starts its processes ({@link LiveMain}) and in which the
 * configurations write themselves back. Unknown or missing values are {@link IllegalArgumentException}s naming the
 * option.
 */
public final class LiveArgs {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> used = new ArrayList<>();

    public static LiveArgs parse(List<String> args) {
        LiveArgs parsed = new LiveArgs();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("expected an option --name, found '" + name + "'");
            }
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + ": missing value");
                }
                value = args.get(++i);
            }
            parsed.values
                    .computeIfAbsent(name.substring(2), k -> new ArrayList<>())
                    .add(value);
        }
        return parsed;
    }

    public Optional<String> get(String name) {
        used.add(name);
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    public List<String> all(String name) {
        used.add(name);
        return values.getOrDefault(name, List.of());
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("--" + name + ": missing"));
    }

    public <T> T get(String name, T otherwise, Function<String, T> parse) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return parse.apply(value.get());
        } catch (RuntimeException e) {
            // the typed settings (io.factorgraph.backtest.settings) quote the value themselves
            String quoted = "'" + value.get() + "': ";
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException(
                    "--" + name + " " + (reason.startsWith(quoted) ? reason : quoted + reason), e);
        }
    }

    public long nanos(String name, long otherwise) {
        return get(name, otherwise, Durations::parse);
    }

    public boolean flag(String name, boolean otherwise) {
        return get(name, otherwise, v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    /** Fails on options nobody asked for, so a typo is an error rather than a silent default. */
    public void requireAllUsed() {
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("--" + name + ": unknown option");
            }
        }
    }

    /** Builds argument lists: {@code --name value}. */
    public static final class Writer {
        private final List<String> args = new ArrayList<>();

        public Writer put(String name, Object value) {
            if (value != null) {
                args.add("--" + name);
                args.add(String.valueOf(value));
            }
            return this;
        }

        public Writer putAll(String name, List<?> values) {
            values.forEach(v -> put(name, v));
            return this;
        }

        public List<String> build() {
            return List.copyOf(args);
        }
    }
}
