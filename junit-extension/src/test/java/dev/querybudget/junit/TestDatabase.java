package dev.querybudget.junit;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** An H2 database wrapped by QueryBudget, as a user's test would set one up, with an {@code item} table. */
final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final DataSource dataSource;

    private TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static TestDatabase create() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:extension" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        TestDatabase database = new TestDatabase(dev.querybudget.QueryRecorder.wrap(h2));
        database.execute("create table item (id int primary key, name varchar(50))");
        database.execute("insert into item (id, name) select x, 'item ' || x from system_range(1, 50)");
        return database;
    }

    DataSource dataSource() {
        return dataSource;
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One lookup by id: what a loop of lookups repeats. */
    String name(int id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
            statement.setInt(1, id);
            try (var resultSet = statement.executeQuery()) {
                return resultSet.next() ? resultSet.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void lookUp(int from, int to) {
        for (int id = from; id <= to; id++) {
            name(id);
        }
    }

    void rename(int id, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("update item set name = ? where id = ?")) {
            statement.setString(1, name);
            statement.setInt(2, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(int id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("insert into item (id, name) values (?, ?)")) {
            statement.setInt(1, id);
            statement.setString(2, "new " + id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(int id) {
        execute("delete from item where id = " + id);
    }
}
