package io.factorgraph.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data spans of {@code fg sweep --spark}: {@code --data [NAME=]URI} (repeatable, files of one input in time order)
 * is one span, {@code all}, as on one machine; {@code --span LABEL:[NAME=]URI[,URI...][;[NAME=]URI...]} is one span
 * each (several days are several spans). A plain URI feeds the graph's one Book input; a graph with several names each.
 *
 * <p>With {@code --days} the spans are days, chained in the order given: each {@code --span} is one day (its files, if
 * several, continue one another within the day, as {@code --data}'s do without {@code --days}); without {@code
 * --span}, the i-th {@code --data} file of each input is day i, labelled by the first input's file name, as {@code fg
 * sweep --days} on one machine has it. Every day feeds the same inputs, since a day continues the one before.
 */
final class Spans {
    private static final Pattern NAMED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private Spans() {}

    /**
     * @param inputs the graph's Book inputs, in declaration order
     * @throws IllegalArgumentException one line naming the option and text
     */
    static List<RemoteSpan> parse(List<String> data, List<String> spans, boolean days, List<String> inputs) {
        if (!data.isEmpty() && !spans.isEmpty()) {
            throw new IllegalArgumentException("--spark: give the data either as --data (one span) or as --span "
                    + "LABEL:DATA (one per span), not both");
        }
        List<RemoteSpan> out = new ArrayList<>();
        if (!data.isEmpty()) {
            Map<String, List<String>> files = new LinkedHashMap<>();
            for (String text : data) {
                bind("--data " + text, text, inputs, files);
            }
            if (days) {
                return days(files);
            }
            out.add(new RemoteSpan("all", files));
            return out;
        }
        if (spans.isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing required option: '--data=[NAME=]URI' or '--span=LABEL:DATA': the recorded data");
        }
        for (String text : spans) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException(
                        "--span '" + text + "': expected LABEL:[NAME=]URI[,URI...][;[NAME=]URI...], e.g. 0808:day.gz");
            }
            String label = text.substring(0, colon);
            Map<String, List<String>> files = new LinkedHashMap<>();
            for (String part : text.substring(colon + 1).split(";")) {
                Matcher m = NAMED.matcher(part);
                String prefix = m.matches() ? m.group(1) + "=" : "";
                String uris = m.matches() ? m.group(2) : part;
                for (String uri : uris.split(",")) {
                    bind("--span " + text, prefix + uri, inputs, files);
                }
            }
            for (RemoteSpan s : out) {
                if (s.label().equals(label)) {
                    throw new IllegalArgumentException("--span " + text + ": the label " + label + " is given twice");
                }
            }
            if (days
                    && !out.isEmpty()
                    && !files.keySet().equals(out.get(0).uris().keySet())) {
                throw new IllegalArgumentException("--days: --span " + text + " feeds "
                        + String.join(", ", files.keySet()) + " but the first day, "
                        + out.get(0).label() + ", feeds "
                        + String.join(", ", out.get(0).uris().keySet()) + "; every day feeds the same Book inputs");
            }
            out.add(new RemoteSpan(label, files));
        }
        return out;
    }

    /** {@code --days --data}: the i-th file of each input is day i, labelled by the first input's file's name. */
    private static List<RemoteSpan> days(Map<String, List<String>> files) {
        int count = files.values().iterator().next().size();
        if (files.values().stream().anyMatch(f -> f.size() != count)) {
            throw new IllegalArgumentException("--days: every book needs one file per day, but "
                    + String.join(
                            ", ",
                            files.entrySet().stream()
                                    .map(e ->
                                            e.getKey() + " has " + e.getValue().size())
                                    .toList()));
        }
        List<RemoteSpan> days = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            Map<String, List<String>> day = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> input : files.entrySet()) {
                day.put(input.getKey(), List.of(input.getValue().get(d)));
            }
            String first = files.values().iterator().next().get(d);
            String label = first.substring(first.lastIndexOf('/') + 1);
            for (RemoteSpan before : days) {
                if (before.label().equals(label)) {
                    throw new IllegalArgumentException("--days: two days' files are named " + label + "; the rows "
                            + "name a day by its file: give the days as --span LABEL:DATA instead");
                }
            }
            days.add(new RemoteSpan(label, day));
        }
        return days;
    }

    private static void bind(String where, String text, List<String> inputs, Map<String, List<String>> files) {
        Matcher m = NAMED.matcher(text);
        String name;
        String uri;
        if (m.matches() && !m.group(2).startsWith("//")) {
            name = m.group(1);
            uri = m.group(2);
            if (!inputs.contains(name)) {
                throw new IllegalArgumentException(
                        where + ": the graph has no Book input " + name + "; its inputs: " + String.join(", ", inputs));
            }
        } else {
            if (inputs.size() != 1) {
                throw new IllegalArgumentException(where + ": the graph reads " + inputs.size() + " books ("
                        + String.join(", ", inputs) + "); name each file's input, NAME=URI");
            }
            name = inputs.get(0);
            uri = text;
        }
        if (uri.isBlank()) {
            throw new IllegalArgumentException(where + ": expected a file or URI after '" + name + "='");
        }
        files.computeIfAbsent(name, k -> new ArrayList<>()).add(uri);
    }
}
