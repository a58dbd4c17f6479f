package dev.querybudget.engine;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.util.logging.Logger;

/**
 * A DataSource that offers the JDBC 4.3 connection builder (as a pool such as Oracle UCP does) in front of one that
 * does not, such as H2's: the builder gets its connection with the user and password it was given.
 */
final class BuildingDataSource implements DataSource {

    private final DataSource delegate;

    BuildingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() {
        return new ConnectionBuilder() {
            private String user;
            private String password;

            @Override
            public ConnectionBuilder user(String username) {
                user = username;
                return this;
            }

            @Override
            public ConnectionBuilder password(String password) {
                this.password = password;
                return this;
            }

            @Override
            public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
                return this; // one database, no shards
            }

            @Override
            public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
                return this;
            }

            @Override
            public Connection build() throws SQLException {
                return getConnection(user, password);
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
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
}
