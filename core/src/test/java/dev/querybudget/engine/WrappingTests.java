package dev.querybudget.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcSQLSyntaxErrorException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wrap API on real H2 and HikariCP: idempotent, counted once, transparent to vendor casts and errors. */
class WrappingTests {

    private final JdbcDataSource h2 = H2.database();

    @Test
    void wrappingIsIdempotent() {
        DataSource wrapped = QueryRecorder.wrap(h2);

        assertThat(QueryRecorder.wrap(wrapped)).isSameAs(wrapped);
        assertThat(QueryRecorder.isWrapped(wrapped)).isTrue();
        assertThat(QueryRecorder.isWrapped(h2)).isFalse();
    }

    @Test
    void aPoolBetweenTwoWrappersCountsEachStatementOnce() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(QueryRecorder.wrap(h2));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource outer = QueryRecorder.wrap(pool);

            ScopeReport report = QueryRecorder.record("pooled", () -> {
                for (int id = 1; id <= 4; id++) {
                    Sql.query(outer, "select name from item where id = ?", id);
                }
            });

            assertThat(report.counts().select()).isEqualTo(4);
            assertThat(report.shapes()).singleElement().satisfies(shape -> assertThat(shape.count()).isEqualTo(4));
        }
    }

    @Test
    void aConnectionWrappedTwiceCountsEachStatementOnce() throws Exception {
        try (Connection connection = QueryRecorder.wrap(QueryRecorder.wrap(h2).getConnection())) {
            ScopeReport report = QueryRecorder.record("twice", () -> Sql.query(connection, "select count(*) from item"));

            assertThat(report.counts().select()).isEqualTo(1);
        }
    }

    @Test
    void aPlainConnectionCanBeWrapped() throws Exception {
        try (Connection connection = QueryRecorder.wrap(h2.getConnection())) {
            ScopeReport report = QueryRecorder.record("connection", () -> {
                Sql.query(connection, "select name from item where id = ?", 1);
                Sql.query(connection, "select name from item where id = ?", 2);
            });

            assertThat(report.counts().select()).isEqualTo(2);
        }
    }

    @Test
    void unwrapAndIsWrapperForStillReachTheVendorClasses() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource wrapped = QueryRecorder.wrap(pool);

            assertThat(wrapped.isWrapperFor(HikariDataSource.class)).isTrue();
            assertThat(wrapped.unwrap(HikariDataSource.class)).isSameAs(pool);
            try (Connection connection = wrapped.getConnection()) {
                assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
                assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
            }
        }
    }

    @Test
    void aStatementTheDatabaseRejectsAtPrepareTimeKeepsItsException() throws Exception {
        DataSource wrapped = QueryRecorder.wrap(h2);
        SQLException[] thrown = new SQLException[1];

        ScopeReport report = QueryRecorder.record("failing", () -> {
            try (Connection connection = wrapped.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select no_such_column from item where id = ?")) {
                statement.setInt(1, 1);
                statement.executeQuery();
            } catch (JdbcSQLSyntaxErrorException e) {
                thrown[0] = e;
            }
        });

        assertThat((Throwable) thrown[0]).hasMessageStartingWith("Column \"NO_SUCH_COLUMN\" not found");
        assertThat(report.counts().select()).isEqualTo(0); // H2 rejects it at prepare time: no execution happened
    }

    @Test
    void aStatementThatFailsWhenExecutedCountsAsFailed() throws Exception {
        DataSource wrapped = QueryRecorder.wrap(h2);
        ScopeReport[] report = new ScopeReport[1];
        try (Connection connection = wrapped.getConnection(); Statement statement = connection.createStatement()) {
            var scope = QueryRecorder.open("failing insert", QueryBudgetSettings.defaults());
            assertThatThrownBy(() -> statement.execute("insert into item (id, name) values (1, 'duplicate key')"))
                    .isInstanceOf(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class);
            report[0] = scope.finish();
        }

        assertThat(report[0].counts().insert()).isEqualTo(1);
        assertThat(report[0].counts().failed()).isEqualTo(1);
    }
}
