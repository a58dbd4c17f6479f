package dev.querybudget.engine;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.flashsale.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/**
 * What differs per driver: vendor casts through the wrapper, batching (pgjdbc's {@code reWriteBatchedInserts}, MariaDB's
 * bulk statements), server-side prepared statements, and statements the server rejects. On H2, and on PostgreSQL and
 * MariaDB in the {@code real-databases} profile.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class VendorDriverTests {

    /** Batch rewriting and server-side prepared statements on, as production pools often set them. */
    private static final String DRIVER_SETTINGS_POSTGRESQL = "reWriteBatchedInserts=true&prepareThreshold=1";
    private static final String DRIVER_SETTINGS_MARIADB = "useBulkStmts=true&useServerPrepStmts=true";

    @Parameter
    Database database;

    private Database.Isolated isolated;
    private DataSource dataSource;

    @BeforeEach
    void createTable() throws SQLException {
        isolated = database.isolated();
        dataSource = QueryRecorder.wrap(isolated.dataSource(switch (database) {
            case H2 -> "";
            case POSTGRESQL -> DRIVER_SETTINGS_POSTGRESQL;
            case MARIADB -> DRIVER_SETTINGS_MARIADB;
        }));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(50))");
        }
    }

    @AfterEach
    void dropDatabase() {
        isolated.close();
    }

    @Test
    void vendorCastsStillReachTheDriversConnection() throws SQLException {
        Class<?> vendor = switch (database) {
            case H2 -> org.h2.jdbc.JdbcConnection.class;
            case POSTGRESQL -> org.postgresql.PGConnection.class;
            case MARIADB -> org.mariadb.jdbc.Connection.class;
        };
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isWrapperFor(vendor)).isTrue();
            assertThat(connection.unwrap(vendor)).isInstanceOf(vendor);
        }
    }

    @Test
    void aHundredRowBatchIsOneRoundTripAndNoFinding() throws Exception {
        ScopeReport report = QueryRecorder.record("batch", () -> insert(1, 100, true));

        assertThat(report.findings()).isEmpty();
        assertThat(report.counts().insert()).isEqualTo(1);
        assertThat(report.counts().batches()).isEqualTo(1);
        assertThat(count()).isEqualTo(100);
    }

    @Test
    void rowByRowInsertsAreAnUnbatchedWrite() throws Exception {
        ScopeReport report = QueryRecorder.record("row by row", () -> insert(1, 5, false));

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNBATCHED_WRITE);
        assertThat(((ShapeFinding) report.findings().get(0)).sql()).isEqualTo("insert into item(id, name) values (?, ?)");
        assertThat(report.counts().insert()).isEqualTo(5);
    }

    @Test
    void lookupsThroughServerSidePreparedStatementsAreAnNPlusOne() throws Exception {
        insert(1, 10, true);

        ScopeReport report = QueryRecorder.record("lookups", () -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
                for (int id = 1; id <= 6; id++) {
                    statement.setInt(1, id);
                    statement.executeQuery().close();
                }
            }
        });

        assertThat(report.findings()).singleElement(type(ShapeFinding.class)).satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
            assertThat(finding.count()).isEqualTo(6);
            assertThat(finding.distinctParameterSets()).isEqualTo(6);
        });
    }

    @Test
    void aStatementTheServerRejectsIsCountedAndItsExceptionReachesTheApplicationUnchanged() throws Exception {
        insert(1, 1, false);
        var scope = QueryRecorder.open("rejected", QueryBudgetSettings.defaults());

        SQLException rejected = catchThrowableOfType(SQLException.class, () -> insert(1, 1, false));
        ScopeReport report = scope.finish();

        assertThat(rejected.getSQLState()).isEqualTo(switch (database) {
            case H2 -> "23505";
            case POSTGRESQL -> "23505";
            case MARIADB -> "23000";
        });
        assertThat(rejected.getClass().getName()).startsWith(switch (database) {
            case H2 -> "org.h2.";
            case POSTGRESQL -> "org.postgresql.";
            case MARIADB -> "java.sql.SQLIntegrityConstraintViolationException";
        });
        assertThat(report.counts().insert()).isEqualTo(1);
        assertThat(report.counts().failed()).isEqualTo(1);
    }

    private void insert(int from, int count, boolean batch) throws SQLException {
        Sql.insertItems(dataSource, from, count, batch);
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from item")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
