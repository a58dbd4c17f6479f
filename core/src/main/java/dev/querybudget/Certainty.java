package dev.querybudget;

/**
 * How sure an {@link FindingKind#N_PLUS_ONE N+1} finding is.
 *
 * @since 0.3.0
 */
public enum Certainty {

    /**
     * The statement that ran just before the loop returned as many rows as the loop ran statements (or as many as
     * it had distinct parameter sets): one statement per row, the N+1 itself.
     */
    CONFIRMED,

    /**
     * The repetitions do not match the rows of the statement before them, or those rows were not counted (the
     * statement is not a query, ran on another connection, or its rows were read after the loop began).
     */
    LIKELY;

    /** {@code confirmed}, {@code likely}: as text and JSON show it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
