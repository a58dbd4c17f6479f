package dev.querybudget.internal.jdbc;

import dev.querybudget.internal.scope.ScopeRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;

/** Puts QueryBudget's recording wrappers in front of a DataSource or a Connection, once. */
public final class Wrapping {

    /** The name of a DataSource wrapped without one, and of connections wrapped one by one. */
    public static final String DEFAULT_NAME = "dataSource";

    private Wrapping() {
    }

    public static DataSource wrap(DataSource dataSource) {
        return wrap(DEFAULT_NAME, dataSource);
    }

    /** Wraps {@code dataSource} under {@code name}, which reports and metrics use to tell DataSources apart. */
    public static DataSource wrap(String name, DataSource dataSource) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
        ScopeRegistry.get().markInstalled();
        if (isWrapped(dataSource) || ScopeRegistry.get().isAgentAttached()) {
            return dataSource; // the agent wraps every connection already: one wrapper, one count
        }
        return new RecordingDataSource(dataSource, name);
    }

    public static Connection wrap(Connection connection) {
        return wrap(DEFAULT_NAME, connection);
    }

    /** Wraps {@code connection} under {@code name}, the name of the DataSource it came from. */
    public static Connection wrap(String name, Connection connection) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        ScopeRegistry.get().markInstalled();
        if (isWrapped(connection) || ScopeRegistry.get().isAgentAttached()) {
            return connection;
        }
        return new RecordingConnection(connection, name);
    }

    /**
     * Whether {@code dataSource} is QueryBudget's own wrapper. (Its wrappers forward {@code isWrapperFor} to the
     * vendor object, so only a type check can tell.)
     */
    public static boolean isWrapped(DataSource dataSource) {
        return dataSource instanceof RecordingDataSource;
    }

    /** Whether {@code connection} is one of QueryBudget's own connection wrappers. */
    public static boolean isWrapped(Connection connection) {
        return connection instanceof RecordingConnection;
    }
}
