package dev.querybudget.engine;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

/**
 * QueryBudget's own JDBC wrappers on real H2: every way JDBC runs a statement is recorded once, batches as round trips,
 * and the bound values a prepared statement carries tell a repeat from a new lookup.
 */
class JdbcWrapperTests {

    private final DataSource wrapped = QueryRecorder.wrap(H2.database());

    @Test
    void everyWayOfRunningAStatementIsRecordedOnce() throws Exception {
        ScopeReport report = QueryRecorder.record("every execute", () -> {
            try (Connection connection = wrapped.getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("select name from item where id = 1")) {
                    assertThat(rows.next()).isTrue();
                }
                statement.execute("select name from item where id = 2");
                assertThat(statement.executeUpdate("update item set name = 'a' where id = 1")).isOne();
                assertThat(statement.executeLargeUpdate("update item set name = 'b' where id = 2")).isOne();
                assertThat(statement.executeUpdate("insert into item (id, name) values (21, 'c')",
                        Statement.RETURN_GENERATED_KEYS)).isOne();
                try (PreparedStatement prepared = connection.prepareStatement("delete from item where id = ?")) {
                    prepared.setInt(1, 21);
                    assertThat(prepared.executeLargeUpdate()).isOne();
                    prepared.setInt(1, 22);
                    assertThat(prepared.execute()).isFalse();
                    prepared.setInt(1, 23);
                    assertThat(prepared.executeUpdate()).isZero();
                }
                try (CallableStatement call = connection.prepareCall("call abs(?)")) {
                    call.setInt(1, -4);
                    try (ResultSet rows = call.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getInt(1)).isEqualTo(4);
                    }
                }
            }
        });

        assertThat(report.counts().select()).isEqualTo(2);
        assertThat(report.counts().update()).isEqualTo(2);
        assertThat(report.counts().insert()).isEqualTo(1);
        assertThat(report.counts().delete()).isEqualTo(3);
        assertThat(report.counts().other()).isEqualTo(1);
        assertThat(report.shapes()).extracting(ShapeCount::count).containsExactly(3L, 2L, 2L, 1L, 1L);
    }

    @Test
    void aPlainStatementBatchCountsEachOfItsStatementsAndAClearedBatchNothing() throws Exception {
        ScopeReport report = QueryRecorder.record("statement batch", () -> {
            try (Connection connection = wrapped.getConnection(); Statement statement = connection.createStatement()) {
                statement.addBatch("insert into item (id, name) values (30, 'cleared')");
                statement.clearBatch();
                statement.addBatch("insert into item (id, name) values (31, 'a')");
                statement.addBatch("insert into item (id, name) values (32, 'b')");
                statement.addBatch("update item set name = 'c' where id = 31");
                assertThat(statement.executeBatch()).containsExactly(1, 1, 1);
                assertThat(statement.executeBatch()).isEmpty();
            }
        });

        assertThat(report.counts().insert()).isEqualTo(2);
        assertThat(report.counts().update()).isEqualTo(1);
        assertThat(report.counts().batches()).isEqualTo(3);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aPreparedBatchIsOneRoundTripWhateverItsRows() throws Exception {
        ScopeReport report = QueryRecorder.record("prepared batch", () -> {
            try (Connection connection = wrapped.getConnection();
                 PreparedStatement insert = connection.prepareStatement("insert into item (id, name) values (?, ?)")) {
                for (int id = 40; id < 50; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "row " + id);
                    insert.addBatch();
                }
                assertThat(insert.executeLargeBatch()).hasSize(10);
                insert.setInt(1, 50);
                insert.setString(2, "cleared");
                insert.addBatch();
                insert.clearBatch();
                assertThat(insert.executeBatch()).isEmpty();
            }
        });

        assertThat(report.counts().insert()).isEqualTo(2);
        assertThat(report.counts().batches()).isEqualTo(2);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aStatementHandsBackTheRecordingConnection() throws Exception {
        ScopeReport report = QueryRecorder.record("through getConnection", () -> {
            try (Connection connection = wrapped.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.getConnection()).isSameAs(connection);
                Sql.query(statement.getConnection(), "select name from item where id = ?", 3);
            }
        });

        assertThat(report.counts().select()).isEqualTo(1);
    }

    @Test
    void aConnectionFromTheConnectionBuilderIsRecordedUnderTheDataSourceName() throws Exception {
        JdbcDataSource h2 = H2.database();
        DataSource building = QueryRecorder.wrap("orders", new BuildingDataSource(h2));

        ScopeReport report = QueryRecorder.record("connection builder", () -> {
            try (Connection connection = building.createConnectionBuilder()
                    .user(h2.getUser()).password(h2.getPassword()).build()) {
                Sql.query(connection, "select name from item where id = ?", 1);
            }
        });

        assertThat(report.counts().select()).isOne();
        assertThat(report.dataSources()).containsExactly(entry("orders", 1L));
    }

    @Test
    void aDataSourceWithoutAConnectionBuilderRefusesItAsItWouldUnwrapped() {
        JdbcDataSource h2 = H2.database();
        Throwable refusal = catchThrowable(h2::createConnectionBuilder);

        assertThat(refusal).isInstanceOf(SQLFeatureNotSupportedException.class); // H2's DataSource has no builder
        assertThatThrownBy(QueryRecorder.wrap(h2)::createConnectionBuilder)
                .isExactlyInstanceOf(refusal.getClass()).hasMessage(refusal.getMessage());
    }

    @Test
    void theSameBoundValuesAgainAreADuplicateAndClearedOrNewValuesAreNot() throws Exception {
        QueryBudgetSettings settings = QueryBudgetSettings.defaults();
        ScopeReport again = QueryRecorder.record("same values", settings, () -> {
            try (Connection connection = wrapped.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select id from item where name = ? or id = ?")) {
                statement.setNull(1, Types.VARCHAR);
                statement.setInt(2, 5);
                statement.executeQuery().close();
                statement.executeQuery().close(); // values stay bound until cleared
            }
        });
        ScopeReport cleared = QueryRecorder.record("new values", settings, () -> {
            try (Connection connection = wrapped.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select id from item where name = ? or id = ?")) {
                statement.setNull(1, Types.VARCHAR);
                statement.setInt(2, 5);
                statement.executeQuery().close();
                statement.clearParameters();
                statement.setString(1, "NULL");
                statement.setInt(2, 5);
                statement.executeQuery().close();
                statement.setBytes(1, new byte[]{1, 2});
                statement.executeQuery().close();
            }
        });

        assertThat(again.findings()).extracting(f -> f.kind()).containsExactly(FindingKind.DUPLICATE);
        assertThat(cleared.findings()).isEmpty();
        assertThat(cleared.shapes()).singleElement().satisfies(shape -> {
            assertThat(shape.count()).isEqualTo(3);
            assertThat(shape.distinctParameterSets()).isEqualTo(3);
        });
    }

    @Test
    void byteArraysAreTheSameValueWhenTheirContentIs() throws Exception {
        ScopeReport report = QueryRecorder.record("bytes", () -> {
            try (Connection connection = wrapped.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select id from item where payload = ?")) {
                statement.setBytes(1, new byte[]{7, 8});
                statement.executeQuery().close();
                statement.setBytes(1, new byte[]{7, 8});
                statement.executeQuery().close();
            }
        });

        assertThat(report.findings()).extracting(f -> f.kind()).containsExactly(FindingKind.DUPLICATE);
    }
}
