package dev.querybudget.internal.hibernate;

/**
 * A table's name as SQL and the metamodel spell it, reduced for comparison: unquoted, lower-cased, its schema (or
 * catalog) kept apart. A name with no schema matches the same name in any schema.
 */
record TableName(String schema, String name) {

    boolean matches(TableName other) {
        return other != null && name.equals(other.name)
                && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** {@code public.order_item}, {@code "Order_Item"}, {@code `shop`.`order_item`}; null when it is no name. */
    static TableName parse(String qualified) {
        if (qualified == null) {
            return null;
        }
        ShapeTables.Cursor cursor = new ShapeTables.Cursor(ShapeTables.tokens(qualified), 0);
        return cursor.tableName();
    }
}
