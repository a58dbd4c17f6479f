package dev.querybudget.internal.shape;

import java.util.Locale;

/**
 * The SQL dialect a statement is shaped in, as far as it changes which text is a literal. Taken once per DataSource
 * (or per connection wrapped on its own) from the driver's product name. Where a dialect is ambiguous the shape leans
 * toward privacy: on MySQL and MariaDB a {@code "…"} is a string, folded to {@code ?}, even where {@code ANSI_QUOTES}
 * would make it an identifier.
 *
 * <ul>
 *   <li>{@link #GENERIC}: any database not named here. Standard strings, read with backslash escapes first,
 *       as MySQL would (see {@link ShapeLexer}); {@code "…"} and {@code `…`} identifiers; every prefix and quote form
 *       of the dialects below that does not change what an identifier is.</li>
 *   <li>{@link #POSTGRESQL}: standard strings (backslashes escape only in {@code E'…'}), {@code U&'…'},
 *       {@code $tag$…$tag$}, {@code B'…'}, {@code X'…'}.</li>
 *   <li>{@link #MYSQL} (MySQL and MariaDB): backslash escapes, {@code "…"} strings, {@code #} comments,
 *       {@code X'…'}, {@code b'…'}, {@code 0b…}, {@code _charset'…'} introducers.</li>
 *   <li>{@link #ORACLE}: standard strings, {@code q'[…]'} with any delimiter, {@code N'…'}.</li>
 *   <li>{@link #SQL_SERVER}: standard strings, {@code N'…'}, {@code […]} identifiers.</li>
 *   <li>{@link #H2}: standard strings, as the generic dialect reads everything else.</li>
 * </ul>
 */
public enum Dialect {

    GENERIC,
    POSTGRESQL,
    MYSQL,
    ORACLE,
    SQL_SERVER,
    H2;

    private static final Dialect[] ALL = values();

    /** The dialect of a database by its {@code DatabaseMetaData.getDatabaseProductName()} or its driver's class name. */
    public static Dialect of(String productOrDriver) {
        if (productOrDriver == null) {
            return GENERIC;
        }
        String name = productOrDriver.toLowerCase(Locale.ROOT);
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MYSQL;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("oracle")) {
            return ORACLE;
        }
        if (name.contains("sql server") || name.contains("sqlserver")) {
            return SQL_SERVER;
        }
        if (name.equals("h2") || name.startsWith("org.h2.")) {
            return H2;
        }
        return GENERIC;
    }

    /** The dialect numbered {@code code} by {@link #code()}; {@link #GENERIC} for any number it does not know. */
    public static Dialect ofCode(long code) {
        return code >= 0 && code < ALL.length ? ALL[(int) code] : GENERIC;
    }

    /** Whether strings are standard: a backslash is a plain character in them (except in PostgreSQL's {@code E'…'}). */
    boolean hasStandardStrings() {
        return this == POSTGRESQL || this == ORACLE || this == SQL_SERVER || this == H2;
    }

    /** A number for this dialect, stable within one version of QueryBudget (it crosses to the agent's copy). */
    public int code() {
        return ordinal();
    }
}
