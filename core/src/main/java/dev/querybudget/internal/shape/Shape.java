package dev.querybudget.internal.shape;

import dev.querybudget.StatementShape;
import dev.querybudget.StatementType;

import java.util.Objects;

/**
 * The engine's {@link StatementShape}: the text, and what the detector reads from it, derived once when the lexer
 * makes the shape (a shape is cached and met again on every execution). Engine code uses this class, not the
 * interface, so the statement path makes no interface call and no lookup.
 *
 * <p>Paging and key lists stay here rather than on the public type: they are the detector's heuristics for what is
 * not an N+1, and may change with it.
 */
public final class Shape implements StatementShape {

    private final String sql;
    private final StatementType type;
    private final boolean paging;
    private final boolean keyList;
    private final boolean arrayKeyList;
    private final int hash;
    private final boolean keepAlive;
    /**
     * Set once a scope ran the shape twice, or ran it just before an N+1 loop: from then on a scope samples the call
     * site of its first execution too.
     * A hint, so a plain field: a scope that misses a fresh value samples as before.
     */
    private boolean repeated;
    /** Set once the driver was asked for the keys this statement generates; never cleared. */
    private volatile boolean generatedKeys;

    Shape(String sql, StatementType type, boolean paging) {
        this(sql, type, paging, sql.contains(" any (?)"), sql.contains(" any (?)") || sql.contains(" in (...)"),
                KEEP_ALIVE.matcher(sql).matches());
    }

    private Shape(String sql, StatementType type, boolean paging, boolean arrayKeyList, boolean keyList,
                  boolean keepAlive) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.type = Objects.requireNonNull(type, "type");
        this.paging = paging;
        this.arrayKeyList = arrayKeyList;
        this.keyList = keyList;
        this.hash = sql.hashCode();
        this.keepAlive = keepAlive;
    }

    /** The most characters of text a shape keeps; longer shapes are cut (see {@link #bounded()}). */
    public static final int MAX_LENGTH = 4096;

    /**
     * This shape, or when its text is longer than {@link #MAX_LENGTH}, the same shape with its text cut there and
     * marked with its full length and a hash of the whole, which keeps two long shapes that differ only past the cut
     * apart: what a scope, the shape cache and every report hold of one shape is bounded in bytes, however long the
     * statements an application generates. What the detector reads of the text is taken from the whole.
     */
    Shape bounded() {
        if (sql.length() <= MAX_LENGTH) {
            return this;
        }
        String marker = " … [" + sql.length() + " characters, #" + Integer.toHexString(sql.hashCode()) + "]";
        String cut = sql.substring(0, MAX_LENGTH - marker.length());
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return new Shape(cut + marker, type, paging, arrayKeyList, keyList, keepAlive);
    }

    /**
     * A query that reads nothing but a constant: the validation and keep-alive queries of pools, drivers and
     * frameworks ({@code select 1}, {@code SELECT 1 FROM DUAL}, DB2's {@code sysibm.sysdummy1}, Firebird's
     * {@code rdb$database}, HSQLDB's {@code information_schema.system_users}, Derby's {@code VALUES 1}).
     */
    private static final java.util.regex.Pattern KEEP_ALIVE = java.util.regex.Pattern.compile(
            "(?i)\\s*(select\\s+(\\(\\s*\\?\\s*\\)|\\?)(\\s+(as\\s+)?[a-z_][a-z0-9_]*)?"
                    + "(\\s+from\\s+(dual|sysibm\\.sysdummy1|rdb\\$database|information_schema\\.system_users))?"
                    + "|values\\s*(\\(\\s*\\?\\s*\\)|\\?))\\s*;?\\s*");

    /** Whether the statement is a connection validation or keep-alive query ({@code select 1}): never a finding. */
    public boolean isKeepAlive() {
        return keepAlive;
    }

    /** Whether a scope of this JVM has run this shape twice. */
    public boolean hasRepeated() {
        return repeated;
    }

    /** Marks the shape as one that repeats in a scope, or loads the rows of an N+1 loop. */
    public void markRepeated() {
        if (!repeated) {
            repeated = true;
        }
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public StatementType type() {
        return type;
    }

    /** Whether the statement reads a page (OFFSET, or keyset: a range bound with ORDER BY and LIMIT). */
    public boolean isPaging() {
        return paging;
    }

    /** Whether the statement fetches several keys in one go ({@code IN (…)} or {@code = ANY(?)}). */
    public boolean hasKeyList() {
        return keyList;
    }

    /** Whether a bound array is the key list ({@code = ANY(?)}), whose length only the bind value tells. */
    public boolean hasArrayKeyList() {
        return arrayKeyList;
    }

    /**
     * Whether the statement was run asking the driver for the keys it generates (a prepared statement with
     * {@code RETURN_GENERATED_KEYS} or key columns), as Hibernate ORM inserts an entity with an {@code IDENTITY} id.
     */
    public boolean generatesKeys() {
        return generatedKeys;
    }

    /** Notes that the statement was run asking for its generated keys (see {@link #generatesKeys()}). */
    public void noteGeneratedKeys() {
        if (!generatedKeys) {
            generatedKeys = true;
        }
    }

    /** Whether the text carries the alias style of Hibernate ORM 6+ ({@code o1_0}). */
    public boolean isHibernateGenerated() {
        // Hibernate 6+ aliases: letters, digits, '_', digits — e.g. "o1_0", "oi1_0".
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            if (sql.charAt(i) != '_' || i == 0 || i + 1 >= n) {
                continue;
            }
            if (!Character.isDigit(sql.charAt(i - 1)) || !Character.isDigit(sql.charAt(i + 1))) {
                continue;
            }
            int start = i - 1;
            while (start > 0 && Character.isDigit(sql.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && Character.isLetter(sql.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Shape that && hash == that.hash && sql.equals(that.sql);
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
