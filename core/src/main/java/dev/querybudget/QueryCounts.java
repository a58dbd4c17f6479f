package dev.querybudget;

/**
 * How many statements a scope ran, per {@link StatementType}. A {@code PreparedStatement} batch counts once.
 *
 * @param batches executions that were JDBC batches (included in the per-type counts)
 * @param failed  statements the database rejected (included in the per-type counts)
 * @since 0.1.0
 */
public record QueryCounts(long select, long insert, long update, long delete, long other, long batches,
                          long failed) {

    public static final QueryCounts ZERO = new QueryCounts(0, 0, 0, 0, 0, 0, 0);

    public long total() {
        return select + insert + update + delete + other;
    }

    public long of(StatementType type) {
        return switch (type) {
            case SELECT -> select;
            case INSERT -> insert;
            case UPDATE -> update;
            case DELETE -> delete;
            case OTHER -> other;
        };
    }

    /** {@code 12 statements (10 select, 1 insert, 1 update, 0 delete, 0 other)}. */
    @Override
    public String toString() {
        return total() + (total() == 1 ? " statement" : " statements") + " (" + select + " select, " + insert
                + " insert, " + update + " update, " + delete + " delete, " + other + " other)";
    }
}
