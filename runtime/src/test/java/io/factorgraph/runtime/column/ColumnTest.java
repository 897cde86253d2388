package io.factorgraph.runtime.column;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void readingPastTheEndNamesTheIndexAndTheSize() {
        DoubleColumn column = new DoubleColumn();
        column.add(1.5);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> column.get(1));
        assertTrue(e.getMessage().contains("Index 1 out of bounds for length 1"), e.getMessage());
    }

    @Test
    void aNegativeCapacityIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LongColumn(-3));
        assertEquals("initial capacity must be >= 0, was -3", e.getMessage());
    }

    @Test
    void theLastValueOfAnEmptyColumnIsAnError() {
        assertThrows(IllegalStateException.class, () -> new IntColumn().last());
    }

    @Test
    void setReplacesAValueInPlace() {
        LongColumn column = new LongColumn(0);
        column.add(7);
        column.add(8);
        column.set(0, 9);
        assertArrayEquals(new long[] {9, 8}, column.toArray());
    }

    @Test
    void anArrayTakenEarlierDoesNotChangeWhenTheColumnGoesOn() {
        DoubleColumn column = new DoubleColumn(1);
        column.add(1.0);
        double[] snapshot = column.toArray();
        column.set(0, 2.0);
        column.add(3.0);
        assertArrayEquals(new double[] {1.0}, snapshot);
    }
}
