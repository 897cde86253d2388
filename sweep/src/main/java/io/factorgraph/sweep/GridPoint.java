package io.factorgraph.sweep;

import io.factorgraph.runtime.compile.ParamOverride;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One point of a grid: its number and one value per axis. Immutable; its number is its place in the grid's stable
 * order, so rows of several runs (threads, spans, cluster tasks) of one grid line up by it. Serializable, since a
 * cluster sweep's rows travel from its executors to its driver.
 *
 * @param index from 0, in the grid's order (the last axis varies fastest)
 * @param settings one per axis, in the axes' order
 */
public record GridPoint(int index, List<Setting> settings) implements Serializable {
    private static final long serialVersionUID = 1L;

    public GridPoint {
        settings = List.copyOf(settings);
    }

    /**
     * One axis's value at a point.
     *
     * @param simulator whether it is a simulator setting (else a param)
     */
    public record Setting(String name, String value, boolean simulator) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The point's param values as compiler overrides, after {@code base} (the {@code --param}s of every point). */
    public List<ParamOverride> overrides(List<ParamOverride> base) {
        List<ParamOverride> overrides = new ArrayList<>(base);
        for (Setting s : settings) {
            if (!s.simulator()) {
                overrides.add(ParamOverride.parse(s.name() + "=" + s.value()));
            }
        }
        return overrides;
    }

    /** The value of a simulator setting at this point, if the grid has that axis. */
    public Optional<String> simulatorSetting(String option) {
        return settings.stream()
                .filter(s -> s.simulator() && s.name().equals(option))
                .map(Setting::value)
                .findFirst();
    }

    /** E.g. {@code half_spread=0.00002 skew=0.00001}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Setting s : settings) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(s.name()).append('=').append(s.value());
        }
        return out.toString();
    }
}
