package dev.querybudget;

import java.util.Objects;

/**
 * A statement with its literals, bind markers and list lengths folded away: the unit that
 * QueryBudget counts and groups by.
 *
 * <p>Everything but {@link #sql()} is derived from the text, so two shapes are equal exactly
 * when their texts are.
 *
 * @since 0.1.0
 */
public final class StatementShape {

    private final String sql;
    private final StatementType type;
    private final boolean paging;
    private final boolean keyList;
    private final int hash;

    public StatementShape(String sql, StatementType type, boolean paging) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.type = Objects.requireNonNull(type, "type");
        this.paging = paging;
        this.keyList = sql.contains(" in (...)") || sql.contains(" any (?)");
        this.hash = sql.hashCode();
    }

    /** The normalized text: lower case, literals and bind markers as {@code ?}, lists folded. */
    public String sql() {
        return sql;
    }

    public StatementType type() {
        return type;
    }

    /** Whether the statement reads a page (OFFSET, or keyset: a range bound with ORDER BY and LIMIT). */
    public boolean isPaging() {
        return paging;
    }

    /** Whether the text carries the alias style of Hibernate ORM 6+ ({@code o1_0}). */
    public boolean isHibernateGenerated() {
        return looksLikeHibernateAlias(sql);
    }

    /** Whether the statement fetches several keys in one go ({@code IN (…)} or {@code = ANY(?)}). */
    public boolean hasKeyList() {
        return keyList;
    }

    /** Whether a bound array is the key list ({@code = ANY(?)}), whose length only the bind value tells. */
    public boolean hasArrayKeyList() {
        return keyList && sql.contains(" any (?)");
    }

    private static boolean looksLikeHibernateAlias(String text) {
        // Hibernate 6+ aliases: letters, digits, '_', digits — e.g. "o1_0", "oi1_0".
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '_' || i == 0 || i + 1 >= n) {
                continue;
            }
            if (!Character.isDigit(text.charAt(i - 1)) || !Character.isDigit(text.charAt(i + 1))) {
                continue;
            }
            int start = i - 1;
            while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof StatementShape that && hash == that.hash && sql.equals(that.sql);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return sql;
    }
}
