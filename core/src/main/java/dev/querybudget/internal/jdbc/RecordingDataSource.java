package dev.querybudget.internal.jdbc;

import dev.querybudget.internal.shape.Dialect;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKeyBuilder;
import java.util.logging.Logger;

/**
 * A DataSource whose connections QueryBudget records, under a name reports and metrics tell DataSources apart by.
 * Every other call, {@code unwrap} and {@code isWrapperFor} included, goes to the DataSource it wraps; closing it
 * closes that one (a pool) too.
 */
public final class RecordingDataSource implements DataSource, AutoCloseable {

    private final DataSource delegate;
    private final String name;
    /** Read from the first connection that records a statement, then the same for every connection. */
    private volatile Dialect dialect;

    RecordingDataSource(DataSource delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /** The DataSource this one wraps. */
    public DataSource target() {
        return delegate;
    }

    public String name() {
        return name;
    }

    /** The SQL dialect of this DataSource's statements, read from {@code connection}'s driver the first time. */
    Dialect dialect(Connection connection) {
        Dialect known = dialect;
        if (known == null) {
            known = Dialects.detect(connection);
            dialect = known;
        }
        return known;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new RecordingConnection(delegate.getConnection(), name, this);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return new RecordingConnection(delegate.getConnection(username, password), name, this);
    }

    /** The DataSource's own builder (or its refusal), whose connections are recorded like {@link #getConnection()}'s. */
    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        return new RecordingConnectionBuilder(delegate.createConnectionBuilder(), name, this);
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "QueryBudget[" + name + ": " + delegate + "]";
    }
}
