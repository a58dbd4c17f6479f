package dev.querybudget.internal.scope;

/**
 * The rows the application has read from one query's result set, counted as it reads them. A scope keeps the count
 * of the statement that ran before each shape's first execution: when an N+1 loop ran once per row of it, the
 * finding is confirmed. Kept apart from the result set, so that a scope holding the count holds none of the rows.
 *
 * <p>Written by the thread that reads the result set and read when the scope finishes, mostly on that same thread;
 * a count read from another thread may lag by the rows read meanwhile.
 */
public final class RowCount {

    private long rows;

    /** One more row read. */
    public void increment() {
        rows++;
    }

    public long rows() {
        return rows;
    }
}
