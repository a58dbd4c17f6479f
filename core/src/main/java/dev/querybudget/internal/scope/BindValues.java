package dev.querybudget.internal.scope;

import dev.querybudget.internal.FailOpen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values bound to one prepared statement, by position (and by name, for a callable statement), as its setters
 * were called. They serve three things: a 64-bit hash that tells a statement run again with the same values from one
 * run with new values; the length of a bound key array ({@code = ANY(?)}); and, only for a scope whose user opted in
 * to {@code includeParameters}, their text. The values are the ones the driver holds anyway; they are dropped when
 * the statement clears its parameters or closes.
 *
 * <p>Bounded whatever the application passes: positions above {@link #MAX_POSITION} and names beyond
 * {@link #MAX_NAMES} are accepted and left out (the statement is still counted; only such values do not tell a repeat
 * from a new lookup), and a value's rendered text is cut short. A value whose own {@code hashCode} or {@code toString}
 * throws or recurses without end is hashed by its identity and rendered by its type; the one warning names its type,
 * never the value or the failure's message.
 *
 * <p>Not thread-safe, like the statement it belongs to.
 */
public final class BindValues {

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final int MAX_VALUE_LENGTH = 100;
    /**
     * The highest position kept: 65,535, the most bind markers a statement can carry on PostgreSQL's and MySQL's wire
     * protocols (SQL Server allows 2,100, Oracle and H2 fewer in practice). A lenient driver may accept a higher one;
     * QueryBudget then counts the statement without keeping that value, so the array it grows stays under 512 KB.
     */
    static final int MAX_POSITION = 65_535;
    /** The most distinct parameter names kept for a callable statement; further names are counted, not kept. */
    static final int MAX_NAMES = 1_024;
    /** The most values a rendered parameter sample lists; the rest is shown as {@code …}. */
    static final int MAX_RENDERED_VALUES = 100;
    /** The most elements of a bound array a rendered value lists. */
    private static final int MAX_RENDERED_ELEMENTS = 10;
    /** What {@code setNull} binds: unlike a position never bound, it hashes and renders as SQL NULL. */
    private static final Object SQL_NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    /** Position {@code k + 1}'s value; {@code null} where nothing is bound. */
    private Object[] byPosition = new Object[8];
    private int highest;
    private Map<String, Object> byName;

    public void set(int position, Object value) {
        if (position < 1 || position > MAX_POSITION) {
            return; // refused by the driver already, or beyond any database's limit: counted, not kept
        }
        if (position > byPosition.length) {
            byPosition = Arrays.copyOf(byPosition, Math.max(position, byPosition.length * 2));
        }
        byPosition[position - 1] = value == null ? SQL_NULL : value;
        if (position > highest) {
            highest = position;
        }
    }

    public void setNull(int position) {
        set(position, null);
    }

    public void set(String name, Object value) {
        if (byName == null) {
            byName = new LinkedHashMap<>();
        }
        if (byName.size() >= MAX_NAMES && !byName.containsKey(name)) {
            return;
        }
        byName.put(name, value == null ? SQL_NULL : value);
    }

    public void setNull(String name) {
        set(name, null);
    }

    public void clear() {
        if (highest > 0) {
            Arrays.fill(byPosition, 0, highest, null);
            highest = 0;
        }
        byName = null;
    }

    /** A hash of {@code sql} and these values: equal for the same statement run with the same values. */
    public long hash(String sql) {
        long h = sqlHash(sql);
        for (int k = 0; k < highest; k++) {
            if (byPosition[k] != null) {
                h = mix(mix(h, k + 1), valueHash(byPosition[k]));
            }
        }
        if (byName != null) {
            for (Map.Entry<String, Object> entry : byName.entrySet()) {
                h = mix(mix(h, entry.getKey().hashCode()), valueHash(entry.getValue()));
            }
        }
        return nonZero(h);
    }

    /** The hash of a statement run without bound values: {@code hash(sql)} with none set. */
    public static long hashWithout(String sql) {
        return nonZero(sqlHash(sql));
    }

    private static long sqlHash(String sql) {
        return sql == null ? 0 : sql.hashCode();
    }

    /** 0 marks an empty slot in the tables that keep these hashes. */
    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }

    /** The longest array bound (the key list of {@code = ANY(?)}), or 0 when none is. */
    public int longestArray() {
        int longest = 0;
        for (int k = 0; k < highest; k++) {
            longest = Math.max(longest, arrayLength(byPosition[k]));
        }
        if (byName != null) {
            for (Object value : byName.values()) {
                longest = Math.max(longest, arrayLength(value));
            }
        }
        return longest;
    }

    private static int arrayLength(Object value) {
        if (value instanceof Object[] array) {
            return array.length;
        }
        if (value instanceof java.sql.Array
                || value != null && value.getClass().isArray() && !(value instanceof byte[]) && !(value instanceof char[])) {
            return 2; // its length is unknown without reading it: a list, all the same
        }
        return 0;
    }

    /** The values as text, e.g. {@code [1=42, 2='Ada']}: only for a scope whose user opted in to them. */
    public String render() {
        StringBuilder text = new StringBuilder("[");
        int rendered = 0;
        for (int k = 0; k < highest && rendered <= MAX_RENDERED_VALUES; k++) {
            if (byPosition[k] != null) {
                rendered = append(text, rendered, Integer.toString(k + 1), byPosition[k]);
            }
        }
        if (byName != null) {
            for (Map.Entry<String, Object> entry : byName.entrySet()) {
                if (rendered > MAX_RENDERED_VALUES) {
                    break;
                }
                rendered = append(text, rendered, entry.getKey(), entry.getValue());
            }
        }
        return text.append(']').toString();
    }

    private static int append(StringBuilder text, int rendered, String key, Object value) {
        if (text.length() > 1) {
            text.append(", ");
        }
        if (rendered == MAX_RENDERED_VALUES) {
            text.append('…');
        } else {
            text.append(key).append('=').append(valueText(value));
        }
        return rendered + 1;
    }

    private static String valueText(Object value) {
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        String text;
        try {
            text = value instanceof Object[] array ? arrayText(array)
                    : value instanceof CharSequence chars ? cut(chars) : cut(String.valueOf(value));
        } catch (RuntimeException | StackOverflowError failure) {
            String type = value.getClass().getName();
            FailOpen.reportWithoutDetail("rendering a bind value of type " + type, failure);
            return "<" + type + ">";
        }
        return value instanceof CharSequence ? "'" + text + "'" : text;
    }

    /** At most {@link #MAX_VALUE_LENGTH} chars of {@code chars}, without copying the rest. */
    private static String cut(CharSequence chars) {
        return chars.length() > MAX_VALUE_LENGTH ? chars.subSequence(0, MAX_VALUE_LENGTH) + "…" : chars.toString();
    }

    private static String arrayText(Object[] array) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < array.length && k < MAX_RENDERED_ELEMENTS; k++) {
            text.append(k == 0 ? "" : ", ").append(array[k] == array ? "[...]"
                    : array[k] instanceof Object[] nested ? "[" + nested.length + " elements]" : cut(String.valueOf(array[k])));
        }
        if (array.length > MAX_RENDERED_ELEMENTS) {
            text.append(", …");
        }
        return cut(text.append(']'));
    }

    private static long mix(long h, int value) {
        return (h ^ value) * MULTIPLIER;
    }

    private static int valueHash(Object value) {
        try {
            if (value instanceof byte[] bytes) {
                return Arrays.hashCode(bytes);
            }
            if (value instanceof Object[] array) {
                return Arrays.deepHashCode(array);
            }
            return value.hashCode();
        } catch (RuntimeException | StackOverflowError failure) {
            // The value's own hashCode threw or recursed: the statement still counts, the value by its identity.
            FailOpen.reportWithoutDetail("hashing a bind value of type " + value.getClass().getName(), failure);
            return System.identityHashCode(value);
        }
    }
}
