package dev.querybudget;

import java.util.Locale;

/**
 * One limit of a {@link Budget}: the total, or the statements of one type. Says which limit a
 * {@link BudgetFinding} is over.
 *
 * @since 0.2.0
 */
public enum BudgetLimit {
    /** All statements together. */
    TOTAL,
    /** {@link StatementType#SELECT} statements. */
    SELECT,
    /** {@link StatementType#INSERT} statements. */
    INSERT,
    /** {@link StatementType#UPDATE} statements ({@code MERGE} included). */
    UPDATE,
    /** {@link StatementType#DELETE} statements. */
    DELETE;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The limit's name as reports and JSON write it: {@code total}, {@code select}, {@code insert}, … */
    public String key() {
        return key;
    }
}
