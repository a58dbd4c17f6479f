package dev.querybudget.internal.shape;

import dev.querybudget.StatementType;

import java.util.Set;

/**
 * A single-pass, hand-written SQL lexer that renders a statement's shape.
 *
 * <p>It never backtracks: every character is read once, except that a folded list is compared once
 * against its first element, and a dollar quote searches for its closing tag; both stay linear in the
 * input. It accepts any string and never throws; unterminated strings and comments simply run to the end of the
 * input, and an unterminated quoted identifier is folded like a literal (it may hold one).
 *
 * <p>It reads the statement in a {@link Dialect}: which quotes open strings or identifiers, which characters start a
 * comment, and whether backslashes escape. Forms no other dialect gives another meaning (Oracle's {@code q'[…]'},
 * prefixed strings, dollar quotes, {@code 0b…}) are read as literals in every dialect.
 *
 * <p>Rendering is token-based, so input spacing never changes a shape: one space between tokens, none
 * after {@code (} and {@code .}, none before {@code )}, {@code ,} and {@code .}, and none before
 * {@code (} after a function or table name. The output lexes back to itself.
 */
final class ShapeLexer {

    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int QUOTED = 2;
    private static final int PARAM = 3;
    private static final int OPEN = 4;
    private static final int CLOSE = 5;
    private static final int COMMA = 6;
    private static final int DOT = 7;
    private static final int OP = 8;
    private static final int SEMI = 9;
    private static final int CAST = 10;

    private static final int GROUP_OTHER = 0;
    private static final int GROUP_IN = 1;
    private static final int GROUP_VALUES_ROW = 2;

    /** Words after which {@code (} opens a list or subquery rather than a function's arguments. */
    private static final Set<String> SPACE_BEFORE_PAREN = Set.of(
            "in", "values", "from", "join", "on", "and", "or", "not", "exists", "as", "using", "where",
            "select", "any", "all", "some", "when", "then", "else", "case", "by", "having", "union",
            "intersect", "except", "set", "over", "filter", "within", "into", "is", "like", "between",
            "returning", "with", "lateral", "recursive", "conflict", "update", "rows", "tables");

    /** Words after which a signed number is a literal, not a subtraction. */
    private static final Set<String> BEFORE_SIGNED_LITERAL = Set.of(
            "select", "where", "and", "or", "not", "when", "then", "else", "in", "values", "by", "limit",
            "offset", "return", "set", "is", "like", "between", "case", "having", "on", "as");

    private static final Set<String> RANGE_OPERATORS = Set.of("<", ">", "<=", ">=");

    private final String in;
    private final int n;
    private final StringBuilder out;
    private int i;
    /** Whether backslashes escape inside strings (see {@link #shape}). */
    private final boolean backslashEscapes;
    /** Whether a string ran to the end of the statement without closing. */
    private boolean unclosedString;

    private int prevKind = NONE;
    private String prevWord = "";
    private int endBeforeSemicolons;

    private int depth;
    private int[] groupKind = new int[8];
    private int[] groupStart = new int[8];

    private int listLength;

    private int valuesDepth = -1;
    private int valuesFirstRowStart = -1;
    private int valuesFirstRowEnd = -1;
    private int valuesRows;
    private int valuesCommaAt = -1;

    private String firstWord;
    private boolean withVerbSeen;
    private StatementType withType = StatementType.OTHER;
    private boolean sequence;
    private boolean offsetSeen;
    private boolean limitSeen;
    private boolean limitCommaSeen;
    private int limitDepth = -1;
    private boolean orderBySeen;
    private boolean rangeBoundSeen;
    private boolean rangeOperatorPending;

    /** MySQL and MariaDB: {@code "…"} is a string, {@code #} starts a comment. */
    private final boolean mysql;
    /** SQL Server: {@code […]} is an identifier. */
    private final boolean bracketIdentifiers;

    private ShapeLexer(String in, boolean backslashEscapes, Dialect dialect) {
        this.in = in;
        this.n = in.length();
        this.out = new StringBuilder(Math.min(n, 4096) + 16);
        this.backslashEscapes = backslashEscapes;
        this.mysql = dialect == Dialect.MYSQL;
        this.bracketIdentifiers = dialect == Dialect.SQL_SERVER;
    }

    /**
     * The shape of {@code sql}. Strings are read with backslash escapes first (MySQL, MariaDB, PostgreSQL's
     * {@code E'…'}); a statement in which such a string never closes is read once more with backslashes as plain
     * characters (standard SQL, as in {@code 'C:\\'}). Two passes at most: the lexer stays linear. PostgreSQL's
     * {@code E'…'} escapes with backslashes in both passes. Ambiguous without the dialect, and read as MySQL would: a
     * standard string with a backslash right before a quote, in a statement where that reading closes every string.
     */
    static ShapedSql shape(String sql) {
        return shape(sql, Dialect.GENERIC);
    }

    /**
     * The shape of {@code sql} in {@code dialect}. MySQL, MariaDB and the generic dialect read strings as
     * {@link #shape(String)} does; PostgreSQL, Oracle, SQL Server and H2 read them once, as standard strings, the way
     * their servers do (backslashes escape only in PostgreSQL's {@code E'…'}).
     */
    static ShapedSql shape(String sql, Dialect dialect) {
        boolean standardStrings = dialect.hasStandardStrings();
        ShapeLexer lexer = new ShapeLexer(sql, !standardStrings, dialect);
        lexer.run();
        if (lexer.unclosedString && !standardStrings) {
            ShapeLexer standard = new ShapeLexer(sql, false, dialect);
            standard.run();
            return standard.result();
        }
        return lexer.result();
    }

    private void run() {
        while (i < n) {
            char c = in.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '#' && mysql) {
                skipLineComment();
            } else if (c == '\'' || c == '"' && mysql) {
                skipQuoted(c, i + 1, backslashEscapes);
                emitParam();
            } else if (c == '"' || c == '`') {
                quotedIdentifier(c, c);
            } else if (c == '[' && bracketIdentifiers) {
                quotedIdentifier('[', ']');
            } else if (c == '?') {
                i++;
                while (i < n && isDigit(in.charAt(i))) {
                    i++;
                }
                emitParam();
            } else if (c == '$') {
                dollar();
            } else if (c == ':' && peek(1) == ':') {
                i += 2;
                begin(CAST);
                out.append("::");
                end(CAST);
            } else if (c == ':' && isIdentifierStart(peek(1))) {
                i++;
                while (i < n && isIdentifierPart(in.charAt(i))) {
                    i++;
                }
                emitParam();
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)) && !followsOperand() && !digitsStartWord(i + 1))) {
                number(i);
            } else if ((c == '-' || c == '+') && startsNumber(i + 1) && signMayStartLiteral()) {
                number(i + 1);
            } else if (isIdentifierStart(c)) {
                word();
            } else if (c == '(') {
                i++;
                open();
            } else if (c == ')') {
                i++;
                close();
            } else if (c == ',') {
                i++;
                comma();
            } else if (c == '.') {
                i++;
                begin(DOT);
                out.append('.');
                end(DOT);
            } else if (c == ';') {
                i++;
                begin(SEMI);
                out.append(';');
                end(SEMI);
            } else if (isOperatorChar(c)) {
                operator();
            } else {
                i++;
                begin(OP);
                out.append(c);
                endOperator(String.valueOf(c));
            }
        }
    }

    private ShapedSql result() {
        out.setLength(endBeforeSemicolons);
        String text = out.toString();
        StatementType type = sequence ? StatementType.OTHER : typeOf(firstWord);
        boolean paging = offsetSeen || limitCommaSeen || (limitSeen && orderBySeen && rangeBoundSeen);
        return new ShapedSql(new Shape(text, type, paging), listLength);
    }

    private StatementType typeOf(String word) {
        if (word == null) {
            return StatementType.OTHER;
        }
        if (word.equals("with")) {
            return withType;
        }
        return verbType(word);
    }

    private static StatementType verbType(String word) {
        return switch (word) {
            case "select", "values", "table" -> StatementType.SELECT;
            case "insert", "replace" -> StatementType.INSERT;
            case "update", "merge", "upsert" -> StatementType.UPDATE;
            case "delete" -> StatementType.DELETE;
            default -> StatementType.OTHER;
        };
    }

    // ---- tokens -------------------------------------------------------------------------------

    private void word() {
        int start = i;
        while (i < n && isIdentifierPart(in.charAt(i))) {
            i++;
        }
        String lower = lowerCase(start, i);
        char quote = peek(0);
        if ((quote == '\'' || quote == '"' && mysql) && (lower.equals("q") || lower.equals("nq"))) {
            skipOracleQuote(i + 1);
            emitParam();
            return;
        }
        if ((quote == '\'' || quote == '"' && mysql) && isLiteralPrefix(lower)) {
            // PostgreSQL's E'…' escapes with backslashes whatever the other strings do
            skipQuoted(quote, i + 1, lower.equals("e") || backslashEscapes);
            emitParam();
            return;
        }
        if (lower.equals("u") && peek(0) == '&' && peek(1) == '\'') {
            skipString(i + 2);
            emitParam();
            return;
        }
        if (lower.equals("true") || lower.equals("false")) {
            emitParam();
            return;
        }
        begin(WORD);
        out.append(lower);
        noteWord(lower);
        end(WORD);
        prevWord = lower;
    }

    private void noteWord(String word) {
        if (firstWord == null) {
            firstWord = word;
        } else if (depth == 0 && !withVerbSeen && "with".equals(firstWord)) {
            StatementType type = verbType(word);
            if (type != StatementType.OTHER) {
                withType = type;
                withVerbSeen = true;
            }
        }
        switch (word) {
            case "nextval", "currval", "setval" -> sequence = true;
            case "value" -> sequence |= prevKind == WORD && prevWord.equals("next");
            case "offset" -> offsetSeen = true;
            case "limit", "fetch", "top" -> {
                limitSeen = true;
                limitDepth = depth;
            }
            case "by" -> orderBySeen |= prevKind == WORD && prevWord.equals("order");
            case "values" -> {
                valuesDepth = depth;
                valuesFirstRowStart = -1;
                valuesRows = 0;
                valuesCommaAt = -1;
            }
            default -> {
            }
        }
    }

    private void number(int digitsFrom) {
        int start = i;
        i = digitsFrom;
        boolean plainDigits = false;
        if (in.charAt(i) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHexDigit(peek(2))) {
            i += 2;
            while (i < n && isHexDigit(in.charAt(i))) {
                i++;
            }
        } else if (in.charAt(i) == '0' && (peek(1) == 'b' || peek(1) == 'B') && isBinaryDigit(peek(2))) {
            i += 2; // MySQL's and PostgreSQL 16's 0b101
            while (i < n && isBinaryDigit(in.charAt(i))) {
                i++;
            }
        } else {
            while (i < n && isDigit(in.charAt(i))) {
                i++;
            }
            plainDigits = i > digitsFrom;
            if (i < n && in.charAt(i) == '.') {
                plainDigits = false;
                i++;
                while (i < n && isDigit(in.charAt(i))) {
                    i++;
                }
            }
            if (i < n && (in.charAt(i) == 'e' || in.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (in.charAt(j) == '+' || in.charAt(j) == '-')) {
                    j++;
                }
                if (j < n && isDigit(in.charAt(j))) {
                    plainDigits = false;
                    i = j;
                    while (i < n && isDigit(in.charAt(i))) {
                        i++;
                    }
                }
            }
        }
        if (plainDigits && digitsFrom == start && i < n && isIdentifierPart(in.charAt(i))) {
            // MySQL allows identifiers that start with digits (1abc): a word, not a number.
            while (i < n && isIdentifierPart(in.charAt(i))) {
                i++;
            }
            String lower = lowerCase(start, i);
            begin(WORD);
            out.append(lower);
            noteWord(lower);
            end(WORD);
            prevWord = lower;
            return;
        }
        emitParam();
    }

    private void dollar() {
        if (isDigit(peek(1))) {
            i++;
            while (i < n && isDigit(in.charAt(i))) {
                i++;
            }
            emitParam();
            return;
        }
        int j = i + 1;
        if (j < n && isIdentifierStart(in.charAt(j))) {
            j++;
            while (j < n && isIdentifierPart(in.charAt(j)) && in.charAt(j) != '$') {
                j++;
            }
        }
        if (j < n && in.charAt(j) == '$') {
            String tag = in.substring(i, j + 1);
            int close = in.indexOf(tag, j + 1);
            i = close < 0 ? n : close + tag.length();
            emitParam();
            return;
        }
        i++;
        begin(OP);
        out.append('$');
        endOperator("$");
    }

    /** A quoted identifier, kept as it is; one that never closes is folded, as it may run over literals. */
    private void quotedIdentifier(char open, char close) {
        int start = i;
        i++;
        boolean closed = false;
        while (i < n) {
            char c = in.charAt(i++);
            if (c == close) {
                if (i < n && in.charAt(i) == close) {
                    i++;
                } else {
                    closed = true;
                    break;
                }
            }
        }
        if (!closed) {
            emitParam();
            return;
        }
        begin(QUOTED);
        out.append(in, start, i);
        end(QUOTED);
    }

    private void operator() {
        int start = i;
        i++;
        while (i < n && isOperatorChar(in.charAt(i)) && !operatorEndsBefore(i)) {
            i++;
        }
        String op = in.substring(start, i);
        begin(OP);
        out.append(op);
        endOperator(op);
    }

    /** Whether an operator run stops before position {@code j}: a comment, a placeholder, a cast or a signed number starts there. */
    private boolean operatorEndsBefore(int j) {
        char c = in.charAt(j);
        char next = j + 1 < n ? in.charAt(j + 1) : 0;
        return (c == '-' && next == '-')
                || (c == '/' && next == '*')
                || (c == '#' && mysql)
                || (c == ':' && (next == ':' || isIdentifierStart(next)))
                || ((c == '-' || c == '+') && startsNumber(j + 1));
    }

    private void open() {
        boolean valuesRow = depth == valuesDepth && (prevKind == WORD && prevWord.equals("values")
                || prevKind == COMMA && valuesFirstRowStart >= 0);
        int kind = valuesRow ? GROUP_VALUES_ROW
                : prevKind == WORD && prevWord.equals("in") ? GROUP_IN : GROUP_OTHER;
        begin(OPEN);
        int at = out.length();
        out.append('(');
        end(OPEN);
        if (depth == groupKind.length) {
            groupKind = java.util.Arrays.copyOf(groupKind, depth * 2);
            groupStart = java.util.Arrays.copyOf(groupStart, depth * 2);
        }
        groupKind[depth] = kind;
        groupStart[depth] = kind == GROUP_VALUES_ROW ? at : at + 1;
        depth++;
    }

    private void close() {
        begin(CLOSE);
        if (depth == 0) {
            out.append(')');
            end(CLOSE);
            return;
        }
        depth--;
        if (depth < valuesDepth) {
            valuesDepth = -1;
        }
        int kind = groupKind[depth];
        int start = groupStart[depth];
        if (kind == GROUP_IN) {
            foldList(start);
        }
        out.append(')');
        end(CLOSE);
        if (kind == GROUP_VALUES_ROW) {
            foldValuesRow(start);
        }
    }

    private void comma() {
        begin(COMMA);
        int at = out.length();
        out.append(',');
        end(COMMA);
        if (depth == valuesDepth && valuesFirstRowStart >= 0) {
            valuesCommaAt = at;
        }
        if (limitSeen && depth == limitDepth && endsWith("limit ?,")) {
            limitCommaSeen = true; // MySQL's "LIMIT offset, count"
        }
    }

    private boolean endsWith(String suffix) {
        int from = out.length() - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int k = 0; k < suffix.length(); k++) {
            if (out.charAt(from + k) != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // ---- list folding ---------------------------------------------------------------------------

    /** Folds {@code in (?, ?, …)} — elements that are bind markers or tuples of them — to {@code in (...)}. */
    private void foldList(int start) {
        int end = out.length();
        if (end == start) {
            return;
        }
        for (int k = start; k < end; k++) {
            char c = out.charAt(k);
            if (c != '?' && c != '(' && c != ')' && c != ',' && c != ' ') {
                return;
            }
        }
        int elements = 0;
        int elementStart = start;
        int firstEnd = -1;
        int level = 0;
        for (int k = start; k <= end; k++) {
            char c = k < end ? out.charAt(k) : ',';
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
            } else if (c == ',' && level == 0) {
                if (firstEnd < 0) {
                    firstEnd = k;
                } else if (!sameRegion(start, firstEnd, elementStart, k)) {
                    return;
                }
                elements++;
                elementStart = k + 2; // skip ", "
            }
        }
        out.setLength(start);
        out.append("...");
        listLength = Math.max(listLength, elements);
    }

    /** Drops a {@code VALUES} row identical to the first one, keeping the row count. */
    private void foldValuesRow(int rowStart) {
        if (depth != valuesDepth) {
            return;
        }
        int rowEnd = out.length();
        if (valuesFirstRowStart < 0) {
            valuesFirstRowStart = rowStart;
            valuesFirstRowEnd = rowEnd;
            valuesRows = 1;
        } else if (valuesCommaAt >= 0 && sameRegion(valuesFirstRowStart, valuesFirstRowEnd, rowStart, rowEnd)) {
            out.setLength(valuesCommaAt);
            endBeforeSemicolons = out.length();
            valuesCommaAt = -1;
            valuesRows++;
        } else {
            valuesDepth = -1;
        }
        listLength = Math.max(listLength, valuesRows);
    }

    private boolean sameRegion(int aStart, int aEnd, int bStart, int bEnd) {
        if (aEnd - aStart != bEnd - bStart) {
            return false;
        }
        for (int k = 0; k < aEnd - aStart; k++) {
            if (out.charAt(aStart + k) != out.charAt(bStart + k)) {
                return false;
            }
        }
        return true;
    }

    // ---- rendering -------------------------------------------------------------------------------

    private void emitParam() {
        begin(PARAM);
        out.append('?');
        if (rangeOperatorPending) {
            rangeBoundSeen = true;
        }
        end(PARAM);
    }

    private void begin(int kind) {
        if (depth == valuesDepth && valuesFirstRowStart >= 0 && kind != OPEN && kind != COMMA && kind != CLOSE) {
            valuesDepth = -1; // the VALUES rows ended (ON CONFLICT, RETURNING, …)
        }
        if (kind == OPEN && rangeOperatorPending) {
            rangeBoundSeen = true;
        }
        if (out.length() > 0 && spaceBetween(prevKind, kind)) {
            out.append(' ');
        }
    }

    private void end(int kind) {
        rangeOperatorPending = false;
        prevKind = kind;
        if (kind != SEMI) {
            endBeforeSemicolons = out.length();
        }
    }

    private void endOperator(String op) {
        end(OP);
        rangeOperatorPending = RANGE_OPERATORS.contains(op);
    }

    private boolean spaceBetween(int prev, int next) {
        if (next == CAST) {
            return prev == OP && out.charAt(out.length() - 1) == ':'; // ": ::" must not render as ":::"
        }
        if (next == CLOSE || next == COMMA || next == DOT || next == SEMI) {
            return false;
        }
        if (prev == OPEN || prev == DOT || prev == CAST) {
            return false;
        }
        if (next == OPEN) {
            return !(prev == QUOTED || prev == WORD && !SPACE_BEFORE_PAREN.contains(prevWord));
        }
        return true;
    }

    // ---- skipping ---------------------------------------------------------------------------------

    private void skipLineComment() {
        while (i < n && in.charAt(i) != '\n' && in.charAt(i) != '\r') {
            i++;
        }
    }

    private void skipBlockComment() {
        int nesting = 0;
        while (i < n) {
            if (in.charAt(i) == '/' && peek(1) == '*') {
                nesting++;
                i += 2;
            } else if (in.charAt(i) == '*' && peek(1) == '/') {
                nesting--;
                i += 2;
                if (nesting == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
    }

    /**
     * Skips a quoted string whose body starts at {@code from}: {@code ''} escapes, and backslash ones when this pass
     * reads them; a string that never closes runs to the end of the statement.
     */
    private void skipString(int from) {
        skipQuoted('\'', from, backslashEscapes);
    }

    private void skipQuoted(char quote, int from, boolean backslashes) {
        i = from;
        while (i < n) {
            char c = in.charAt(i++);
            if (c == '\\' && backslashes) {
                i++;
            } else if (c == quote) {
                if (i < n && in.charAt(i) == quote) {
                    i++;
                } else {
                    return;
                }
            }
        }
        unclosedString = true;
        i = n;
    }

    /**
     * Skips Oracle's alternative quoting, {@code q'[…]'}, whose quote is at {@code quoteAt}: the character after it
     * opens the body, which ends at the matching character ({@code ] } ) >} for {@code [ { ( <}, else the same one)
     * right before a quote. Quotes inside the body need no escape. One that never closes runs to the end.
     */
    private void skipOracleQuote(int quoteAt) {
        char quote = in.charAt(quoteAt - 1);
        if (quoteAt >= n) {
            i = n;
            return;
        }
        char open = in.charAt(quoteAt);
        char close = switch (open) {
            case '[' -> ']';
            case '{' -> '}';
            case '(' -> ')';
            case '<' -> '>';
            default -> open;
        };
        for (int k = quoteAt + 1; k + 1 < n; k++) {
            if (in.charAt(k) == close && in.charAt(k + 1) == quote) {
                i = k + 2;
                return;
            }
        }
        i = n;
    }

    // ---- character classes -------------------------------------------------------------------------

    private boolean followsOperand() {
        return prevKind == WORD && !BEFORE_SIGNED_LITERAL.contains(prevWord)
                || prevKind == QUOTED || prevKind == CLOSE || prevKind == PARAM;
    }

    private boolean signMayStartLiteral() {
        return switch (prevKind) {
            case NONE, OP, OPEN, COMMA -> true;
            case WORD -> BEFORE_SIGNED_LITERAL.contains(prevWord);
            default -> false;
        };
    }

    /**
     * Whether the digits from {@code j} run into letters, as in {@code .1abc}: a dot, then a word that starts with
     * digits (MySQL allows those), not the number {@code .1}. Rendered shapes put such a word right after a dot, so
     * this keeps a shape its own shape. An exponent ({@code .1e5}) is still a number.
     */
    private boolean digitsStartWord(int j) {
        while (j < n && isDigit(in.charAt(j))) {
            j++;
        }
        if (j >= n || !isIdentifierPart(in.charAt(j)) || isDigit(in.charAt(j))) {
            return false;
        }
        char c = in.charAt(j);
        if (c == 'e' || c == 'E') {
            int k = j + 1;
            if (k < n && (in.charAt(k) == '+' || in.charAt(k) == '-')) {
                k++;
            }
            return !(k < n && isDigit(in.charAt(k)));
        }
        return true;
    }

    private boolean startsNumber(int j) {
        if (j >= n) {
            return false;
        }
        char c = in.charAt(j);
        return isDigit(c) || (c == '.' && j + 1 < n && isDigit(in.charAt(j + 1)) && !digitsStartWord(j + 1));
    }

    private char peek(int offset) {
        int j = i + offset;
        return j < n ? in.charAt(j) : 0;
    }

    private String lowerCase(int start, int end) {
        char[] chars = new char[end - start];
        for (int k = start; k < end; k++) {
            chars[k - start] = Character.toLowerCase(in.charAt(k));
        }
        return new String(chars);
    }

    private static boolean isLiteralPrefix(String word) {
        return word.equals("n") || word.equals("e") || word.equals("x") || word.equals("b")
                || word.startsWith("_");
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBinaryDigit(char c) {
        return c == '0' || c == '1';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c) || Character.isSurrogate(c);
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$' || Character.isDigit(c);
    }

    private static boolean isOperatorChar(char c) {
        return switch (c) {
            case '=', '<', '>', '!', '+', '-', '*', '/', '%', '|', '&', '^', '~', '@', '#', ':' -> true;
            default -> false;
        };
    }
}
