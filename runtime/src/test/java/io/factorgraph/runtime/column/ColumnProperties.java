package io.factorgraph.runtime.column;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The columns hold what was appended, in order, against a plain list, whatever the initial capacity. */
class ColumnProperties {

    @Property
    void doubleColumnKeepsEveryValueInOrder(
            @ForAll @Size(max = 300) List<Double> values, @ForAll @IntRange(max = 40) int initialCapacity) {
        DoubleColumn column = new DoubleColumn(initialCapacity);
        values.forEach(column::add);
        assertEquals(values.size(), column.size());
        List<Double> read = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            read.add(column.get(i));
        }
        assertEquals(values, read);
        assertArrayEquals(values.stream().mapToDouble(Double::doubleValue).toArray(), column.toArray());
    }

    @Property
    void longColumnKeepsEveryValueInOrder(
            @ForAll @Size(max = 300) List<Long> values, @ForAll @IntRange(max = 40) int initialCapacity) {
        LongColumn column = new LongColumn(initialCapacity);
        values.forEach(column::add);
        assertArrayEquals(values.stream().mapToLong(Long::longValue).toArray(), column.toArray());
        if (!values.isEmpty()) {
            assertEquals(values.getLast(), column.last());
        }
    }

    @Property
    void intColumnRefilledAfterClearHoldsOnlyTheNewValues(
            @ForAll @Size(max = 200) List<Integer> first, @ForAll @Size(max = 200) List<Integer> second) {
        IntColumn column = new IntColumn();
        first.forEach(column::add);
        column.clear();
        assertTrue(column.isEmpty());
        second.forEach(column::add);
        assertArrayEquals(second.stream().mapToInt(Integer::intValue).toArray(), column.toArray());
    }
}
