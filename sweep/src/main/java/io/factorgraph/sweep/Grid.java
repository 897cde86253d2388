package io.factorgraph.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cartesian product of the {@code --grid} axes (docs/DESIGN.md §12). Immutable: the threads of a sweep and the
 * tasks of a cluster job share it and number its points alike. Points are numbered with the last axis varying fastest,
 * the order the axes were given.
 */
public record Grid(List<GridAxis> axes) {
    /** How many points a sweep runs without {@code --force}. */
    public static final int DEFAULT_LIMIT = 10_000;

    /** How many points any sweep may have: the points are numbered by int and each keeps a sink. */
    public static final int HARD_LIMIT = 10_000_000;

    /** The options of {@code fg backtest} a grid may range over, by their names without dashes. */
    public static final Set<String> SIMULATOR_OPTIONS =
            Set.of("latency", "queue", "fees", "lot-size", "fill", "exchange-clock");

    public Grid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a grid has at least one axis: give --grid NAME=VALUES");
        }
        Set<String> names = new HashSet<>();
        for (GridAxis axis : axes) {
            if (!names.add(axis.name())) {
                throw new IllegalArgumentException("--grid " + axis.name() + " is given twice; list its values once");
            }
        }
    }

    /**
     * Parses the {@code --grid} texts.
     *
     * @param limit the most points allowed unless {@code force}
     * @throws IllegalArgumentException one line naming the text and what is wrong
     */
    public static Grid parse(List<String> texts, int limit, boolean force) {
        List<GridAxis> axes = new ArrayList<>();
        for (String text : texts) {
            axes.add(GridAxis.parse(text, SIMULATOR_OPTIONS));
        }
        Grid grid = new Grid(axes);
        long size = grid.sizeExact();
        if (size > HARD_LIMIT) {
            throw new IllegalArgumentException(
                    "the grid has " + size + " points, more than any sweep can run (" + HARD_LIMIT + ")");
        }
        if (size > limit && !force) {
            throw new IllegalArgumentException("the grid has " + size + " points, more than the limit of " + limit
                    + "; narrow it, or give --force to run them all");
        }
        return grid;
    }

    private long sizeExact() {
        long size = 1;
        for (GridAxis axis : axes) {
            size = Math.multiplyExact(size, (long) axis.size());
            if (size > HARD_LIMIT) {
                return size;
            }
        }
        return size;
    }

    public int size() {
        return Math.toIntExact(sizeExact());
    }

    /** The point numbered {@code index}. */
    public GridPoint point(int index) {
        java.util.Objects.checkIndex(index, size());
        GridPoint.Setting[] settings = new GridPoint.Setting[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            GridAxis axis = axes.get(a);
            settings[a] = new GridPoint.Setting(axis.name(), axis.values().get(rest % axis.size()), axis.simulator());
            rest /= axis.size();
        }
        return new GridPoint(index, List.of(settings));
    }

    /** Every point, in order. */
    public List<GridPoint> points() {
        List<GridPoint> points = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            points.add(point(i));
        }
        return points;
    }

    /** The names of the axes, in order. */
    public List<String> names() {
        return axes.stream().map(GridAxis::name).toList();
    }
}
