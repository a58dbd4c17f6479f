package dev.querybudget.internal.shape;

import java.util.SplittableRandom;

/**
 * Generators of hostile SQL for the shape lexer's property tests: any UTF-16 text (lone surrogates included),
 * SQL-like token soup, and statements whose every literal — strings of any dialect's quoting with quotes,
 * backslashes and surrogates inside, dollar quotes, numbers in every notation, IN lists, comments carrying secrets —
 * is paired with the same statement holding {@code ?} in its place.
 */
final class HostileSql {

    /** A statement with literals, and the same statement with a bind marker for each literal and no comments. */
    record Pair(String withLiterals, String withPlaceholders) {
    }

    /** The token soup: the earlier property tests' pieces, plus the lexer's every opening character and a few generated tokens. */
    private static final String[] PIECES = {
        "select", "SELECT", " ", "\n", "*", "from", "t", "o1_0", ".", ",", "(", ")", "in", "IN", "values",
        "VALUES", "?", "$1", ":name", "::", "'", "''", "'abc'", "\"", "\"Q\"", "`", "$$", "$tag$", "--", "/*",
        "*/", "\\", "1", "-1", "+", "-", "1.5e3", ".5", "0x1F", "e'", "N'", "U&'", "_utf8'", "true", "null",
        ";", "=", "<>", ">=", "any", "limit", "offset", "order", "by", "with", "next", "value", "for", "#",
        "@", "{", "}", "[", "]", "\t", "é", "\u0130", "\uD83D\uDE00", "\uD800", "\uDFFF", "?1", "->>", "||",
        "E'\\''", "X'CAFE'", "b'01'", "1abc", "catch22", "v$session", "\r", "\u00A0", "\u2028", "fetch", "top",
        "nextval", "insert", "into", "update", "set", "delete", "where", "and", "or", "not", "returning", "on",
        "conflict", "case", "when", "then", "end", "is", "like", "between", ":", "$", "?,", ".1e", "0x", "1e+",
        "q'[", "]'", "Q'{x}'", "nq'", "q'!a'!'", "[Id]", "[a]]b]", "0b01", "0b", "_latin1\"", "# c\n", "B'01'",
    };

    /** Characters that open, close or escape something in some dialect, and a few that are hard to encode. */
    private static final String AWKWARD = "'\"`\\$-/*#?:;,.()[]{}\n\r\t eE0x1_N&@\u0000\u00A0\u2028";

    private static final String[] COLUMNS = {"id", "o1_0.customer_id", "p1_0.price", "catch22", "\"Customer Id\"",
        "`Id`", "v2", "data->>'k'"};
    private static final String[] OPERATORS = {"=", "<>", "!=", ">=", "<", ">", "<=", "like", "="};
    private static final String[] TABLES = {"orders o1_0", "\"Order\"", "order_item oi1_0", "t", "v$session"};
    private static final String[] SQL_SERVER_NAMES = {"[Order Details] od", "[Customer Id]", "[a]]b]"};

    private HostileSql() {
    }

    /** Any string: mostly arbitrary UTF-16 units, lone surrogates included, laced with awkward characters. */
    static String anyText(SplittableRandom random) {
        int length = random.nextInt(48);
        StringBuilder out = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            out.append(random.nextInt(3) == 0 ? AWKWARD.charAt(random.nextInt(AWKWARD.length())) : anyChar(random));
        }
        return out.toString();
    }

    /** Up to 40 SQL-ish pieces, glued directly or with a space. */
    static String tokenSoup(SplittableRandom random) {
        int pieces = random.nextInt(41);
        boolean spaced = random.nextBoolean();
        StringBuilder out = new StringBuilder(pieces * 5);
        for (int k = 0; k < pieces; k++) {
            if (spaced && k > 0) {
                out.append(' ');
            }
            switch (random.nextInt(12)) {
                case 0 -> out.append(number(random));
                case 1 -> out.append(identifier(random));
                case 2 -> out.append(secret(random));
                default -> out.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return out.toString();
    }

    /** A statement of one to six conditions, in PostgreSQL's or MySQL's quoting, its literals paired with bind markers. */
    static Pair statement(SplittableRandom random) {
        return statement(random, Dialect.GENERIC);
    }

    /**
     * A statement of one to six conditions in {@code dialect}'s quoting (the generic dialect's: PostgreSQL's or MySQL's,
     * read without knowing which), its literals paired with bind markers.
     */
    static Pair statement(SplittableRandom random, Dialect dialect) {
        StringBuilder lit = new StringBuilder(128);
        StringBuilder ph = new StringBuilder(128);
        Dialect quoting = dialect == Dialect.GENERIC ? (random.nextBoolean() ? Dialect.MYSQL : Dialect.POSTGRESQL)
                : dialect == Dialect.H2 ? Dialect.SQL_SERVER : dialect; // H2 quotes as SQL Server does, but for […]
        boolean mysql = quoting == Dialect.MYSQL;
        both(lit, ph, mysql ? "SELECT id, o1_0.total FROM " : "select * from ");
        both(lit, ph, dialect == Dialect.SQL_SERVER && random.nextBoolean()
                ? SQL_SERVER_NAMES[random.nextInt(SQL_SERVER_NAMES.length)] : TABLES[random.nextInt(TABLES.length)]);
        comment(random, lit, dialect);
        both(lit, ph, " where ");
        int conditions = 1 + random.nextInt(6);
        for (int c = 0; c < conditions; c++) {
            if (c > 0) {
                both(lit, ph, random.nextBoolean() ? " and " : " OR ");
            }
            condition(random, quoting, dialect, lit, ph);
            comment(random, lit, dialect);
        }
        if (random.nextInt(4) == 0) {
            both(lit, ph, " order by id limit ");
            literal(random, quoting, dialect, lit, ph, true);
        }
        return new Pair(lit.toString(), ph.toString());
    }

    private static void condition(SplittableRandom random, Dialect quoting, Dialect dialect, StringBuilder lit,
                                  StringBuilder ph) {
        both(lit, ph, dialect == Dialect.SQL_SERVER && random.nextInt(3) == 0 ? "[Customer Id]"
                : COLUMNS[random.nextInt(COLUMNS.length)]);
        if (random.nextInt(4) == 0) {
            both(lit, ph, random.nextBoolean() ? " in (" : " NOT IN(");
            int elements = 1 + random.nextInt(12);
            for (int e = 0; e < elements; e++) {
                if (e > 0) {
                    both(lit, ph, random.nextBoolean() ? ", " : ",");
                }
                literal(random, quoting, dialect, lit, ph, false);
            }
            both(lit, ph, ")");
            return;
        }
        both(lit, ph, " " + OPERATORS[random.nextInt(OPERATORS.length)] + " ");
        literal(random, quoting, dialect, lit, ph, false);
        if (random.nextInt(8) == 0) {
            both(lit, ph, "::text");
        }
    }

    private static void literal(SplittableRandom random, Dialect quoting, Dialect dialect, StringBuilder lit,
            StringBuilder ph, boolean numeric) {
        ph.append('?');
        if (numeric || random.nextInt(3) == 0) {
            lit.append(random.nextInt(5) == 0 ? "?" : number(random));
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> lit.append(random.nextBoolean() ? "TRUE" : "false");
            case 1 -> lit.append("X'").append(Integer.toHexString(random.nextInt() >>> 1).toUpperCase()).append('\'');
            default -> {
                String secret = secret(random);
                lit.append(switch (quoting) {
                    case MYSQL -> mysqlString(random, secret, dialect == Dialect.MYSQL);
                    case POSTGRESQL -> postgresString(random, secret, dialect == Dialect.POSTGRESQL);
                    case ORACLE -> oracleString(random, secret);
                    case SQL_SERVER -> (random.nextBoolean() ? "N'" : "'") + secret.replace("'", "''") + "'";
                    case GENERIC, H2 -> throw new IllegalArgumentException("quotes as another dialect");
                });
            }
        }
    }

    /** A string as Oracle writes it: standard, national, or {@code q'…'} with a bracket pair or any other delimiter. */
    private static String oracleString(SplittableRandom random, String secret) {
        if (random.nextInt(3) == 0) {
            return (random.nextBoolean() ? "N'" : "'") + secret.replace("'", "''") + "'";
        }
        String delimiters = "[{(<!#|~^x";
        char open = delimiters.charAt(random.nextInt(delimiters.length()));
        char close = switch (open) {
            case '[' -> ']';
            case '{' -> '}';
            case '(' -> ')';
            case '<' -> '>';
            default -> open;
        };
        String body = secret;
        String end = "" + close + '\'';
        while (body.contains(end)) {
            body = body.replace(end, "");
        }
        return (random.nextBoolean() ? "q'" : random.nextBoolean() ? "Q'" : "nq'") + open + body + close + "'";
    }

    /**
     * A string as PostgreSQL writes it: standard strings keep backslashes; E'…' escapes them. A backslash right before
     * a quote stays out of standard strings here: without knowing the dialect, {@code 'a\' and b = '…'} reads as one
     * MySQL string as well, and the lexer takes the backslash reading unless it leaves a string open
     * (the corpus and {@link ShapePropertyTests#noSecretSurvivesInAQuotedString} cover that case).
     */
    private static String postgresString(SplittableRandom random, String secret, boolean known) {
        // Known to be PostgreSQL, a standard string reads a backslash as a plain character, right before a quote too.
        String standard = known ? secret.replace("'", "''") : standardBody(secret.endsWith("\\") ? secret + " " : secret);
        if (known && random.nextInt(7) == 0) {
            return random.nextBoolean() ? "B'" + Integer.toBinaryString(random.nextInt()) + "'"
                    : "0b" + Integer.toBinaryString(random.nextInt() >>> 1);
        }
        return switch (random.nextInt(6)) {
            case 0 -> "E'" + secret.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case 1 -> "N'" + standard + "'";
            case 2 -> "U&'" + standard.replace("\\", "") + "'";
            case 3 -> "$$" + secret.replace("$", "") + "$$";
            case 4 -> "$q1$" + secret.replace("$", "") + "$q1$";
            default -> "'" + standard + "'";
        };
    }

    /** The body of a standard SQL string holding {@code secret}, with no backslash right before a quote. */
    static String standardBody(String secret) {
        return secret.replace("\\'", "\\ '").replace("'", "''");
    }

    /** A string as MySQL and MariaDB write it: backslashes escape, a quote doubled or escaped. */
    private static String mysqlString(SplittableRandom random, String secret, boolean known) {
        String escaped = secret.replace("\\", "\\\\").replace("'", random.nextBoolean() ? "''" : "\\'");
        if (known) {
            // Known to be MySQL or MariaDB: "…" strings, charset introducers on them, bit literals.
            String doubled = secret.replace("\\", "\\\\").replace("\"", random.nextBoolean() ? "\"\"" : "\\\"");
            switch (random.nextInt(6)) {
                case 0 -> {
                    return "\"" + doubled + "\"";
                }
                case 1 -> {
                    return "_latin1\"" + doubled + "\"";
                }
                case 2 -> {
                    return random.nextBoolean() ? "b'" + Integer.toBinaryString(random.nextInt()) + "'"
                            : "0b" + Integer.toBinaryString(random.nextInt() >>> 1);
                }
                default -> {
                }
            }
        }
        return switch (random.nextInt(3)) {
            case 0 -> "_utf8mb4'" + escaped + "'";
            case 1 -> "N'" + escaped + "'";
            default -> "'" + escaped + "'";
        };
    }

    /** A comment carrying a secret: on the literal side only, as a shape has none. */
    private static void comment(SplittableRandom random, StringBuilder lit, Dialect dialect) {
        int kind = random.nextInt(6);
        if (kind == 2 && dialect == Dialect.MYSQL) {
            lit.append(" # ").append(secret(random).replace('\n', ' ').replace('\r', ' ')).append('\n');
            return;
        }
        if (kind == 0) {
            lit.append(" /* ").append(secret(random).replace("*/", "").replace("/*", "")).append(" */ ");
        } else if (kind == 1) {
            lit.append(" -- ").append(secret(random).replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
    }

    /** Text a user would not want in a report: quotes, backslashes, comment marks, surrogates, digits. */
    static String secret(SplittableRandom random) {
        int length = random.nextInt(16);
        StringBuilder out = new StringBuilder(length + 2);
        for (int k = 0; k < length; k++) {
            switch (random.nextInt(4)) {
                case 0 -> out.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                case 1 -> out.append(anyChar(random));
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    /** A number in one of SQL's notations: integer, signed, decimal, leading dot, exponent, hex. */
    static String number(SplittableRandom random) {
        String digits = Long.toString(random.nextLong() >>> random.nextInt(1, 63));
        return switch (random.nextInt(7)) {
            case 0 -> "-" + digits;
            case 1 -> digits + "." + random.nextInt(100);
            case 2 -> "." + digits;
            case 3 -> digits + (random.nextBoolean() ? "e" : "E-") + random.nextInt(40);
            case 4 -> "0x" + Long.toHexString(random.nextLong() >>> 4).toUpperCase();
            default -> digits;
        };
    }

    /** An identifier that may carry digits ({@code p1_0}, {@code catch22}) or start with them (MySQL's {@code 1abc}). */
    static String identifier(SplittableRandom random) {
        String base = random.nextBoolean() ? "p" : "catch";
        return switch (random.nextInt(4)) {
            case 0 -> base + random.nextInt(100) + "_" + random.nextInt(10);
            case 1 -> random.nextInt(10) + "abc" + random.nextInt(10);
            case 2 -> "\"" + base + " " + random.nextInt(10) + "\"";
            default -> base + random.nextInt(1000);
        };
    }

    private static char anyChar(SplittableRandom random) {
        return (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    private static void both(StringBuilder lit, StringBuilder ph, String text) {
        lit.append(text);
        ph.append(text);
    }
}
