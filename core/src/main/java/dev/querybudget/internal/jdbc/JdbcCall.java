package dev.querybudget.internal.jdbc;

import java.sql.SQLException;

/** One call into the driver, which a wrapper runs inside a statement's timing. */
@FunctionalInterface
interface JdbcCall<T> {
    T call() throws SQLException;
}
