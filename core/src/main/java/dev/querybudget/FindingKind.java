package dev.querybudget;

/**
 * What a {@link Finding} is about.
 *
 * @since 0.1.0
 */
public enum FindingKind {
    /** One read shape repeated from one call site with different parameters: a query per row. */
    N_PLUS_ONE("N+1 query"),
    /** The same statement with the same parameters run more than once: run it once. */
    DUPLICATE("Duplicate query"),
    /** One write shape run row by row instead of as a JDBC batch. */
    UNBATCHED_WRITE("Unbatched write"),
    /** More statements than the budget allows. */
    QUERY_BUDGET("Over query budget");

    private final String title;

    FindingKind(String title) {
        this.title = title;
    }

    /** The words a report opens with, e.g. "N+1 query". */
    public String title() {
        return title;
    }
}
