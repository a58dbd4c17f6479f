package dev.querybudget.internal.jdbc;

import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.shape.Dialect;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads a connection's {@link Dialect} from its driver: the product name in its metadata, else its class name. */
final class Dialects {

    private Dialects() {
    }

    /** The dialect of {@code connection}; {@link Dialect#GENERIC} when the driver does not say. Never throws. */
    static Dialect detect(Connection connection) {
        try {
            return Dialect.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException | LinkageError notSaid) {
            try {
                return Dialect.of(connection.getClass().getName());
            } catch (RuntimeException | LinkageError failure) {
                FailOpen.report("reading a connection's SQL dialect", failure);
                return Dialect.GENERIC;
            }
        }
    }
}
