package dev.querybudget;

import dev.querybudget.settings.Settings;

/**
 * Upper limits on the statements a scope may run: in total and per type. {@link #UNLIMITED} ({@code -1})
 * switches a limit off. A {@code PreparedStatement} batch counts once, whatever its number of rows.
 *
 * @since 0.1.0
 */
public record Budget(int total, int select, int insert, int update, int delete) {

    public static final int UNLIMITED = -1;

    /** No limit at all. */
    public static final Budget NONE = new Budget(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);

    public Budget {
        check("total", total);
        check("select", select);
        check("insert", insert);
        check("update", update);
        check("delete", delete);
    }

    private static void check(String name, int value) {
        Settings.MAX_QUERIES.check(value, "budget '" + name + "'");
    }

    public static Budget total(int total) {
        return NONE.withTotal(total);
    }

    public Budget withTotal(int value) {
        return new Budget(value, select, insert, update, delete);
    }

    public Budget withSelect(int value) {
        return new Budget(total, value, insert, update, delete);
    }

    public Budget withInsert(int value) {
        return new Budget(total, select, value, update, delete);
    }

    public Budget withUpdate(int value) {
        return new Budget(total, select, insert, value, delete);
    }

    public Budget withDelete(int value) {
        return new Budget(total, select, insert, update, value);
    }

    /** Whether any limit is set. */
    public boolean isLimited() {
        return total >= 0 || select >= 0 || insert >= 0 || update >= 0 || delete >= 0;
    }
}
