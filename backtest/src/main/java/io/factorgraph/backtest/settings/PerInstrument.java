package io.factorgraph.backtest.settings;

import io.factorgraph.runtime.registry.Suggestions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator setting that may differ by instrument (docs/DESIGN.md §11: lot size, fees and latency are given per
 * input name): {@code VALUE} sets every traded book, {@code BOOK=VALUE} the book named {@code BOOK} only, and both may
 * be given (the named value wins for its book). A graph of one book takes either form. Each form may be given once per
 * book, so that a value never silently overrides another.
 *
 * <p>Parsing ({@link #parse}) checks each text's form and value; which names are books is known only once the graph is
 * compiled, so {@link #check} does that, before any data is read.
 *
 * @param <T> the typed setting ({@link FeeSchedule}, {@link LatencySetting}, {@link LotSize})
 */
public final class PerInstrument<T> {
    private static final Pattern NAMED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private final T all;
    private final Map<String, T> byBook;
    private final Map<String, String> texts;

    private PerInstrument(T all, Map<String, T> byBook, Map<String, String> texts) {
        this.all = Objects.requireNonNull(all, "all");
        this.byBook = Map.copyOf(byBook);
        this.texts = Map.copyOf(texts);
    }

    /** The same value for every instrument. */
    public static <T> PerInstrument<T> of(T all) {
        return new PerInstrument<>(all, Map.of(), Map.of());
    }

    /**
     * Reads the texts of a repeated option: each is {@code VALUE} or {@code BOOK=VALUE}.
     *
     * @param fallback the value of a book no text names when no plain {@code VALUE} is given
     * @param parse reads one value; its {@link IllegalArgumentException} starts with the value in quotes
     * @throws IllegalArgumentException {@code 'TEXT': ...}: a bad value, or a book (or every book) given twice
     */
    public static <T> PerInstrument<T> parse(List<String> texts, T fallback, Function<String, T> parse) {
        T all = fallback;
        String allText = null;
        Map<String, T> byBook = new LinkedHashMap<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String text : texts) {
            Matcher m = NAMED.matcher(text == null ? "" : text.strip());
            if (m.matches()) {
                String book = m.group(1);
                String earlier = named.putIfAbsent(book, text);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "'" + text + "': the book " + book + " is given twice (also '" + earlier + "')");
                }
                byBook.put(book, value(text, m.group(2), parse));
            } else {
                if (allText != null) {
                    throw new IllegalArgumentException("'" + text + "': a value for every book is given twice (also '"
                            + allText + "'); name a book with BOOK=VALUE");
                }
                allText = text;
                all = value(text, text, parse);
            }
        }
        return new PerInstrument<>(all, byBook, named);
    }

    /** Parses {@code value}, reporting a bad one under the whole text the user wrote. */
    private static <T> T value(String text, String value, Function<String, T> parse) {
        try {
            return Objects.requireNonNull(parse.apply(value), "parse");
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String quoted = "'" + value + "'";
            throw new IllegalArgumentException(
                    message.startsWith(quoted)
                            ? "'" + text + "'" + message.substring(quoted.length())
                            : "'" + text + "': " + message,
                    e);
        }
    }

    /**
     * Checks that every book named is one the run trades.
     *
     * @param traded the books that have a sink, hence a simulator
     * @param declared every {@code Book} input of the graph
     * @throws IllegalArgumentException {@code 'TEXT': ...} naming the unknown or untraded book, with a did-you-mean
     */
    public PerInstrument<T> check(Collection<String> traded, Collection<String> declared) {
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String book = e.getKey();
            if (traded.contains(book)) {
                continue;
            }
            if (declared.contains(book)) {
                throw new IllegalArgumentException("'" + e.getValue() + "': the book " + book
                        + " has no sink, so no simulator to set; the traded books are " + traded);
            }
            String guess = Suggestions.closest(book, declared, false)
                    .map(s -> " (did you mean " + s + "?)")
                    .orElse("");
            throw new IllegalArgumentException("'" + e.getValue() + "': the graph has no Book input " + book + guess
                    + "; its Book inputs are " + declared);
        }
        return this;
    }

    /** The value for {@code book}: its own when given, else the one for every book. */
    public T of(String book) {
        return byBook.getOrDefault(book, all);
    }

    /** The value for the books no text names. */
    public T all() {
        return all;
    }

    /** The values given for named books. */
    public Map<String, T> byBook() {
        return byBook;
    }

    /** Whether any book has a value of its own. */
    public boolean isPerBook() {
        return !byBook.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerInstrument<?> p && all.equals(p.all) && byBook.equals(p.byBook);
    }

    @Override
    public int hashCode() {
        return 31 * all.hashCode() + byBook.hashCode();
    }

    @Override
    public String toString() {
        return byBook.isEmpty() ? String.valueOf(all) : all + " " + byBook;
    }
}
