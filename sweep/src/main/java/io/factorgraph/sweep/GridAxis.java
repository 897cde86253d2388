package io.factorgraph.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One axis of a grid: a name and its values, as the user wrote them. Immutable, so a grid can be shared by the threads
 * and the tasks of a sweep and the points it numbers never change under them.
 *
 * @param name a {@code param} of the file, or a simulator option's name without its dashes ({@code latency})
 * @param values the values in the order given (a range in increasing order), each as text: a param's value is
 *     checked by the compiler with the point, a simulator value by the option's own parser
 * @param simulator whether the axis is a simulator setting rather than a param
 */
public record GridAxis(String name, List<String> values, boolean simulator) {
    public GridAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis has at least one value");
        }
    }

    /**
     * Parses {@code NAME=v1,v2,...} or {@code NAME=lo:hi:step} ({@code fees=0.0002,0.0005;0,0.0004}: a fee schedule
     * holds a comma itself, so its values are separated by {@code ;}). A range is decimal-exact ({@link BigDecimal}):
     * {@code 0.00001:0.00004:0.00001} is exactly the four values {@code 0.00001, 0.00002, 0.00003, 0.00004}, written
     * with the step's scale as the user would write them, never {@code 3.0000000000000004E-5}.
     *
     * @param simulatorOptions the names a grid may give a simulator setting by
     * @throws IllegalArgumentException one line saying what is wrong with the text
     */
    public static GridAxis parse(String text, java.util.Set<String> simulatorOptions) {
        int eq = text.indexOf('=');
        if (eq > 0 && text.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException(
                    "--grid '" + text + "': no values; give NAME=v1,v2,... or NAME=lo:hi:step");
        }
        if (eq <= 0) {
            throw new IllegalArgumentException("--grid '" + text + "': expected NAME=v1,v2,... or NAME=lo:hi:step");
        }
        String name = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("--grid '" + text + "': '" + name + "' is not a name");
        }
        String option = name.startsWith("--") ? name.substring(2) : name;
        boolean simulator = simulatorOptions.contains(option);
        List<String> values;
        if (spec.contains(":") && !spec.contains(",") && !simulator) {
            values = range(text, spec);
        } else {
            values = new ArrayList<>();
            // A fee schedule is MAKER,TAKER itself: its values are separated by ';'.
            String separator = simulator && option.equals("fees") ? ";" : ",";
            for (String value : spec.split(separator, -1)) {
                String v = value.strip();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("--grid '" + text + "': an empty value in the list");
                }
                values.add(v);
            }
            if (new LinkedHashSet<>(values).size() != values.size()) {
                throw new IllegalArgumentException("--grid '" + text + "': a value is listed twice");
            }
        }
        return new GridAxis(simulator ? option : name, values, simulator);
    }

    private static List<String> range(String text, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--grid '" + text + "': a range is lo:hi:step, e.g. 300:1200:300");
        }
        BigDecimal lo = decimal(text, "lo", parts[0]);
        BigDecimal hi = decimal(text, "hi", parts[1]);
        BigDecimal step = decimal(text, "step", parts[2]);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("--grid '" + text + "': the step must be positive, was " + parts[2]);
        }
        if (hi.compareTo(lo) < 0) {
            throw new IllegalArgumentException(
                    "--grid '" + text + "': the range is inverted (" + parts[0] + " > " + parts[1] + ")");
        }
        BigDecimal count = hi.subtract(lo).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(Grid.HARD_LIMIT)) > 0) {
            throw new IllegalArgumentException("--grid '" + text + "': " + count.toPlainString()
                    + " values, more than any sweep can run (" + Grid.HARD_LIMIT + ")");
        }
        int scale = Math.max(lo.scale(), step.scale());
        List<String> values = new ArrayList<>();
        for (BigDecimal v = lo; v.compareTo(hi) <= 0; v = v.add(step)) {
            values.add(v.setScale(Math.max(scale, 0), java.math.RoundingMode.UNNECESSARY)
                    .toPlainString());
        }
        return values;
    }

    private static BigDecimal decimal(String text, String what, String part) {
        try {
            return new BigDecimal(part.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--grid '" + text + "': " + what + " '" + part + "' is not a number; a range is lo:hi:step");
        }
    }

    public int size() {
        return values.size();
    }
}
