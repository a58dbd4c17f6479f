package dev.querybudget.bench;

import com.p6spy.engine.spy.P6DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.QueryRecorder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One database (H2 in memory, or PostgreSQL on loopback) behind one HikariCP pool, seen through each variant under
 * test.
 */
final class JdbcFixture implements AutoCloseable {

    static final int ROWS = 1000;
    /** How many times {@link #repeatedLookups()} runs the lookup. */
    static final int REPEATS = 1000;
    static final String POSTGRES_URL = System.getProperty("querybudget.bench.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("querybudget.bench.postgresql.user", "postgres");

    final HikariDataSource pool;
    final DataSource dataSource;
    private static final String[] NAMES = {"north", "east", "south", "west"};

    private final String upsert;
    private int nextId;
    private long nextInsert;

    static {
        // p6spy "with logging off": only its core module, so no statement is formatted or written to spy.log.
        System.setProperty("p6spy.config.modulelist", "com.p6spy.engine.spy.P6SpyFactory");
    }

    JdbcFixture(String variant, String database) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + variant);
        if (database.equals("postgresql")) {
            config.setJdbcUrl(POSTGRES_URL);
            config.setUsername(POSTGRES_USER);
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:bench_" + variant.replace('-', '_') + ";DB_CLOSE_DELAY=-1");
            config.setDataSource(h2);
        }
        pool = new HikariDataSource(config);
        upsert = database.equals("postgresql")
                ? "insert into bench_audit (id, name) values (?, ?) on conflict (id) do update set name = excluded.name"
                : "merge into bench_audit key (id) values (?, ?)";
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_item (id int primary key, name varchar(50),"
                    + " price decimal(10,2), quantity int)");
            statement.execute("delete from bench_item");
            statement.execute("insert into bench_item select x, 'item ' || x, x * 1.5, x % 7 from "
                    + (database.equals("postgresql") ? "generate_series(1, " : "system_range(1, ") + ROWS + ") x");
            statement.execute("create table if not exists bench_audit (id bigint primary key, name varchar(50))");
            statement.execute("delete from bench_audit");
        }
        dataSource = switch (variant) {
            case "raw", "querybudget-agent" -> pool; // the agent wraps the pool's connections itself
            case "datasource-proxy" -> ProxyDataSourceBuilder.create(pool).listener(new NoOpListener()).build();
            case "p6spy" -> new P6DataSource(pool);
            case "querybudget", "querybudget-idle" -> QueryRecorder.wrap(pool);
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    /** Whether PostgreSQL answers on loopback, so that its rows belong in the run. */
    static boolean postgresReachable() {
        try (Connection ignored = java.sql.DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    /** The unit of work: borrow a connection, a prepared primary-key lookup, read three columns, close. */
    long lookup() throws SQLException {
        int id = 1 + (nextId++ % ROWS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select name, price, quantity from bench_item where id = ?")) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1).length() + rows.getBigDecimal(2).longValue() + rows.getInt(3);
            }
        }
    }

    /** {@link #REPEATS} lookups of one shape: an N+1's loop. */
    long repeatedLookups() throws SQLException {
        long sum = 0;
        for (int i = 0; i < REPEATS; i++) {
            sum += lookup();
        }
        return sum;
    }

    /**
     * A 100-row batch, one round trip: an insert of rows 1 to 100 that replaces them when they exist (H2's {@code
     * MERGE}, PostgreSQL's {@code ON CONFLICT}), so that the table keeps its size however long the run. (A table
     * growing by hundreds of thousands of rows a second makes the collector, not the proxy, the measure.)
     */
    int[] batchInsert() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(upsert)) {
            String name = NAMES[(int) (nextInsert++ % NAMES.length)];
            for (int id = 1; id <= 100; id++) {
                statement.setLong(1, id);
                statement.setString(2, name);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The floor of every datasource-proxy based tool: its proxies with a listener that does nothing. */
    static final class NoOpListener implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }
    }
}
