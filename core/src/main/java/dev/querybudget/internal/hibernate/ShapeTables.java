package dev.querybudget.internal.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a select's shape loads, as far as attribution needs it: the table after its top-level {@code from} and that
 * table's alias, the columns of that table the {@code where} clause compares with a parameter ({@code i1_0.order_id = ?},
 * {@code in (?, …)}, {@code = any (?)}), and every table named after a {@code from} or a {@code join}. Joins (the
 * target of a many-to-many, or a loaded entity's own eager associations) are not the root.
 *
 * <p>Identifiers are compared unquoted ({@code "x"}, {@code `x`}, {@code [x]}) and lower-cased.
 */
record ShapeTables(TableName root, Set<String> rootParameterColumns, List<TableName> tables) {

    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right", "inner", "outer",
            "cross", "full", "natural", "order", "group", "having", "limit", "offset", "fetch", "for", "union",
            "intersect", "except", "on", "using", "window");
    private static final Set<String> END_OF_WHERE = Set.of("order", "group", "having", "limit", "offset", "fetch",
            "for", "union", "intersect", "except", "window");

    /** The select's root table and parameter columns; null for anything that is not a plain select from a table. */
    static ShapeTables parse(String sql) {
        if (sql == null) {
            return null;
        }
        List<Token> tokens = tokens(sql);
        if (tokens.isEmpty() || !tokens.get(0).isWord("select")) {
            return null;
        }
        int from = topLevel(tokens, 0, "from");
        if (from < 0) {
            return null;
        }
        Cursor cursor = new Cursor(tokens, from + 1);
        TableName root = cursor.tableName();
        if (root == null) {
            return null;
        }
        String alias = cursor.alias();
        int where = topLevel(tokens, cursor.at, "where");
        Set<String> columns = where < 0 ? Set.of() : parameterColumns(tokens, where + 1, alias == null ? root.name() : alias);
        return new ShapeTables(root, columns, tablesIn(tokens));
    }

    /** Every table a statement names after a {@code from} or a {@code join}, subqueries included. */
    static List<TableName> tablesIn(String sql) {
        return sql == null ? List.of() : tablesIn(tokens(sql));
    }

    private static List<TableName> tablesIn(List<Token> tokens) {
        List<TableName> tables = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("from") || tokens.get(i).isWord("join")) {
                TableName table = new Cursor(tokens, i + 1).tableName();
                if (table != null) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static int topLevel(List<Token> tokens, int start, String word) {
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunct('(')) {
                depth++;
            } else if (token.isPunct(')')) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> parameterColumns(List<Token> tokens, int start, String rootAlias) {
        Set<String> columns = new LinkedHashSet<>();
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunct('(')) {
                depth++;
            } else if (token.isPunct(')')) {
                depth--;
            } else if (depth == 0 && token.word() && END_OF_WHERE.contains(token.text())) {
                break;
            }
            if (comparesWithParameter(tokens, i)) {
                String column = rootColumnEndingAt(tokens, i - 1, rootAlias);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** {@code = ?}, {@code = any (?)}, {@code in (?}: token {@code i} is the operator. */
    private static boolean comparesWithParameter(List<Token> tokens, int i) {
        if (tokens.get(i).isPunct('=')) {
            return at(tokens, i + 1).isPunct('?')
                    || at(tokens, i + 1).isWord("any") && at(tokens, i + 2).isPunct('(') && at(tokens, i + 3).isPunct('?');
        }
        return tokens.get(i).isWord("in") && at(tokens, i + 1).isPunct('(') && at(tokens, i + 2).isPunct('?');
    }

    /** The column at {@code i} when it is the root's: qualified by the root's alias, or not qualified at all. */
    private static String rootColumnEndingAt(List<Token> tokens, int i, String rootAlias) {
        Token column = at(tokens, i);
        if (!column.identifier()) {
            return null;
        }
        if (!at(tokens, i - 1).isPunct('.')) {
            return column.text();
        }
        return at(tokens, i - 2).identifier() && at(tokens, i - 2).text().equals(rootAlias)
                && !at(tokens, i - 3).isPunct('.') ? column.text() : null;
    }

    private static Token at(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : Token.NONE;
    }

    /** One token: an identifier (unquoted and lower-cased; {@code word} when it was not quoted) or a punctuation mark. */
    record Token(String text, boolean word, boolean identifier) {

        static final Token NONE = new Token("", false, false);

        boolean isWord(String keyword) {
            return word && text.equals(keyword);
        }

        boolean isPunct(char c) {
            return !identifier && text.length() == 1 && text.charAt(0) == c;
        }
    }

    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                end = end < 0 ? n : end;
                tokens.add(new Token(sql.substring(i + 1, end).toLowerCase(Locale.ROOT), false, true));
                i = end + 1;
            } else if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                i = end < 0 ? n : end + 1;
                tokens.add(new Token("?", false, false));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(sql.substring(start, i).toLowerCase(Locale.ROOT), true, true));
            } else {
                tokens.add(new Token(String.valueOf(c), false, false));
                i++;
            }
        }
        return tokens;
    }

    /** Reads names from a position in a token list. */
    static final class Cursor {

        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens, int at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** {@code name}, {@code schema.name}, {@code catalog.schema.name}; null when no identifier is here. */
        TableName tableName() {
            List<String> parts = new ArrayList<>();
            while (at(tokens, at).identifier() && !(at(tokens, at).word() && at(tokens, at).text().equals("select"))) {
                parts.add(tokens.get(at).text());
                at++;
                if (!at(tokens, at).isPunct('.')) {
                    break;
                }
                at++;
            }
            if (parts.isEmpty()) {
                return null;
            }
            String name = parts.get(parts.size() - 1);
            return new TableName(parts.size() > 1 ? parts.get(parts.size() - 2) : null, name);
        }

        /** The alias after a table name ({@code i1_0}, {@code as i1_0}), or null. */
        String alias() {
            if (at(tokens, at).isWord("as")) {
                at++;
            }
            Token token = at(tokens, at);
            if (!token.identifier() || token.word() && NOT_AN_ALIAS.contains(token.text())) {
                return null;
            }
            at++;
            return token.text();
        }
    }
}
