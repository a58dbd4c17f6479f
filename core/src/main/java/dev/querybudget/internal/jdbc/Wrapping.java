package dev.querybudget.internal.jdbc;

import dev.querybudget.internal.scope.ScopeRegistry;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;

/** Puts the {@link RecordingListener} in front of a DataSource or a Connection, once. */
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
        return ProxyDataSourceBuilder.create(name, dataSource)
                .listener(RecordingListener.INSTANCE)
                .build();
    }

    public static Connection wrap(Connection connection) {
        return wrap(DEFAULT_NAME, connection);
    }

    /** Wraps {@code connection} under {@code name}, the name of the DataSource it came from. */
    public static Connection wrap(String name, Connection connection) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        ScopeRegistry.get().markInstalled();
        if (connection instanceof ProxyJdbcObject proxy && records(proxy.getProxyConfig())
                || ScopeRegistry.get().isAgentAttached()) {
            return connection;
        }
        ProxyConfig config = ProxyConfig.Builder.create()
                .dataSourceName(name)
                .queryListener(RecordingListener.INSTANCE)
                .build();
        ConnectionInfo info = new ConnectionInfo();
        info.setDataSourceName(name);
        info.setConnectionId(config.getConnectionIdManager().getId(connection));
        return config.getJdbcProxyFactory().createConnection(connection, info, config);
    }

    /**
     * Whether {@code dataSource} is QueryBudget's own wrapper. (Its proxies forward {@code isWrapperFor} to the
     * vendor object, so only a type check can tell.)
     */
    public static boolean isWrapped(DataSource dataSource) {
        return dataSource instanceof ProxyDataSource proxy && records(proxy.getProxyConfig());
    }

    /** Whether {@code connection} is one of QueryBudget's own connection proxies. */
    public static boolean isWrapped(Connection connection) {
        return connection instanceof ProxyJdbcObject proxy && records(proxy.getProxyConfig());
    }

    private static boolean records(ProxyConfig config) {
        QueryExecutionListener listener = config.getQueryListener();
        if (listener == RecordingListener.INSTANCE) {
            return true;
        }
        return listener instanceof ChainListener chain && chain.getListeners().contains(RecordingListener.INSTANCE);
    }
}
