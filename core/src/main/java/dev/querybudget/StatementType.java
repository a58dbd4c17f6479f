package dev.querybudget;

/**
 * What a statement does, as far as query budgets and findings care.
 *
 * <p>{@code WITH … SELECT} is a {@link #SELECT}; {@code MERGE} counts as an {@link #UPDATE};
 * sequence calls ({@code nextval}, {@code NEXT VALUE FOR}), transaction control, DDL and
 * everything else are {@link #OTHER}, which never yields a finding.
 *
 * @since 0.1.0
 */
public enum StatementType {
    SELECT, INSERT, UPDATE, DELETE, OTHER;

    /** Whether statements of this type change rows. */
    public boolean isWrite() {
        return this == INSERT || this == UPDATE || this == DELETE;
    }
}
