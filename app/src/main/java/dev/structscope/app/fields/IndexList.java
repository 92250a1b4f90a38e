package dev.structscope.app.fields;

import javafx.collections.ObservableListBase;

/**
 * The items of the record table: the numbers {@code 0..size-1}, computed, never stored. Item
 * {@code i} is record {@code firstRecord + i} of the window. Immutable (a new window is a new
 * list), so it never fires changes. Any thread.
 */
final class IndexList extends ObservableListBase<Integer> {
    private final int size;

    IndexList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }
}
