package dev.querybudget.report;

/**
 * Makes text that came from SQL or from a request (a shape, a scope or route name, a parameter sample) safe to print
 * in a human log: nothing in it can start a new line, move the cursor, colour or clear the terminal, or reorder what
 * is shown. Line breaks ({@code \n}, {@code \r}, U+0085, U+2028, U+2029), tabs, every other C0 and C1 control
 * character (ESC included, so no ANSI sequence), DEL, the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) and unpaired surrogates are written as Java-style escapes ({@code \n}, {@code \r}, {@code \t},
 * {@code \u001B}). Everything else, other non-ASCII text included, stays as it is. JSON has its own encoding
 * ({@link JsonRenderer}).
 */
final class TextSafety {

    private TextSafety() {
    }

    /** {@code text} with every character that could forge or garble a log line escaped; {@code text} itself when none. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        int k = 0;
        while (k < n && !needsEscape(text, k)) {
            k++;
        }
        if (k == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, k);
        for (; k < n; k++) {
            char c = text.charAt(k);
            if (!needsEscape(text, k)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean needsEscape(String text, int k) {
        char c = text.charAt(k);
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return true;
        }
        if (c < 0x2028) {
            return false;
        }
        if (c <= 0x2029 || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return k + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(k + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return k == 0 || !Character.isHighSurrogate(text.charAt(k - 1));
        }
        return false;
    }
}
