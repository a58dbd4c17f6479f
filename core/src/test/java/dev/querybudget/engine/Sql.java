package dev.querybudget.engine;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC, the way application code would write it. */
final class Sql {

    private Sql() {
    }

    /** Runs {@code sql} with one bind value and returns the first column of every row. */
    static List<Object> query(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, values);
        }
    }

    static List<Object> query(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            List<Object> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(resultSet.getObject(1));
                }
            }
            return rows;
        }
    }

    /** Inserts {@code count} rows into {@code item} from id {@code from}, one by one or as one JDBC batch. */
    static void insertItems(DataSource dataSource, int from, int count, boolean batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("insert into item (id, name) values (?, ?)")) {
            for (int id = from; id < from + count; id++) {
                statement.setInt(1, id);
                statement.setString(2, "item " + id);
                if (batch) {
                    statement.addBatch();
                } else {
                    statement.executeUpdate();
                }
            }
            if (batch) {
                statement.executeBatch();
            }
        }
    }
}
