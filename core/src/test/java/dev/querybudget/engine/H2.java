package dev.querybudget.engine;

import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh in-memory H2 databases with a small {@code item} table (ids 1 to 20). */
final class H2 {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private H2() {
    }

    static JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:engine" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(50), payload java_object)");
            statement.execute("insert into item (id, name) select x, 'item ' || x from system_range(1, 20)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return h2;
    }
}
