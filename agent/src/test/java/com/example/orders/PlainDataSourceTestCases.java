package com.example.orders;

import dev.querybudget.junit.QueryBudget;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A user's tests on a plain, unwrapped DataSource: only the agent on the test JVM ({@code argLine}) wraps it.
 * Run by {@link RunTestCases} in a forked JVM.
 */
class PlainDataSourceTestCases {

    private static final JdbcDataSource H2 = new JdbcDataSource();

    @BeforeAll
    static void createTable() throws SQLException {
        H2.setURL("jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1");
        try (Connection connection = H2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(20))");
            statement.execute("insert into item select x, 'item ' || x from system_range(1, 10)");
        }
    }

    @Test
    @QueryBudget
    void loopOfThree() throws SQLException {
        for (int id = 1; id <= 3; id++) {
            name(id);
        }
    }

    @Test
    @QueryBudget(max = 2)
    void twoStatementsInABudgetOfTwo() throws SQLException {
        name(1);
        name(2);
    }

    private static String name(int id) throws SQLException {
        try (Connection connection = H2.getConnection();
             PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
            statement.setInt(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
