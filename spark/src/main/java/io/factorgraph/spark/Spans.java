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
 */
final class Spans {
    private static final Pattern NAMED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private Spans() {}

    /**
     * @param inputs the graph's Book inputs, in declaration order
     * @throws IllegalArgumentException one line naming the option and text
     */
    static List<RemoteSpan> parse(List<String> data, List<String> spans, List<String> inputs) {
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
            out.add(new RemoteSpan(label, files));
        }
        return out;
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
