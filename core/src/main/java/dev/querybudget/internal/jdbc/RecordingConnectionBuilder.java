package dev.querybudget.internal.jdbc;

import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.ShardingKey;

/**
 * The builder a {@link RecordingDataSource} hands out: it forwards each setting to the DataSource's own builder and
 * wraps the connection it builds, under the DataSource's name, so that its statements are recorded too.
 */
final class RecordingConnectionBuilder implements ConnectionBuilder {

    /** The driver's builder; reassigned with what each setting returns, in case a driver's builder is immutable. */
    private ConnectionBuilder delegate;
    private final String dataSourceName;
    private final RecordingDataSource source;

    RecordingConnectionBuilder(ConnectionBuilder delegate, String dataSourceName) {
        this(delegate, dataSourceName, null);
    }

    RecordingConnectionBuilder(ConnectionBuilder delegate, String dataSourceName, RecordingDataSource source) {
        this.source = source;
        this.delegate = delegate;
        this.dataSourceName = dataSourceName;
    }

    /** The builder this one wraps. */
    ConnectionBuilder target() {
        return delegate;
    }

    @Override
    public ConnectionBuilder user(String username) {
        delegate = delegate.user(username);
        return this;
    }

    @Override
    public ConnectionBuilder password(String password) {
        delegate = delegate.password(password);
        return this;
    }

    @Override
    public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
        delegate = delegate.shardingKey(shardingKey);
        return this;
    }

    @Override
    public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        delegate = delegate.superShardingKey(superShardingKey);
        return this;
    }

    @Override
    public Connection build() throws SQLException {
        return new RecordingConnection(delegate.build(), dataSourceName, source);
    }

    @Override
    public String toString() {
        return "QueryBudget[" + delegate + "]";
    }
}
