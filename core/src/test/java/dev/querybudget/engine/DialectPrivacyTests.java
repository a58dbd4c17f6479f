package dev.querybudget.engine;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.flashsale.Database;
import dev.querybudget.report.JsonRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret in each literal form the database accepts reaches no report: the server runs every statement (so each form
 * is real syntax there), and neither the shapes, the text report nor the JSON carry the secret. On H2, and on
 * PostgreSQL and MariaDB in the {@code real-databases} profile.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class DialectPrivacyTests {

    /** The secrets, lower case: shapes lower-case words. */
    private static final List<String> SECRETS = List.of("qbsecret", "deadbeef0042", "1011001110001111", "3735928559");

    @Parameter
    Database database;

    private Database.Isolated isolated;
    private DataSource dataSource;

    @BeforeEach
    void connect() {
        isolated = database.isolated();
        dataSource = QueryRecorder.wrap(isolated.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        isolated.close();
    }

    @Test
    void aSecretInEveryLiteralFormOfTheDialectReachesNoReport() throws Exception {
        List<String> statements = switch (database) {
            case MARIADB -> List.of(
                    "select 'qbsecret1'",
                    "select \"qbsecret2\"",
                    "select \"qb\\\"secret3\", \"qb\"\"secret4\"",
                    "select 'qb\\'secret5', 'qb''secret6'",
                    "select _utf8mb4'qbsecret7', _latin1\"qbsecret8\"",
                    "select N'qbsecret9'",
                    "select X'DEADBEEF0042', x'deadbeef0042'",
                    "select b'1011001110001111', 0b1011001110001111",
                    "select 0xDEADBEEF0042, 3735928559",
                    "select 1 # qbsecret10",
                    "select 1 -- qbsecret11",
                    "select 1 /* qbsecret12 */",
                    "select 'a' 'qbsecret13'",
                    "select \"a\" as `qb col`, 'qbsecret14'");
            case POSTGRESQL -> List.of(
                    "select 'qbsecret1'",
                    "select E'qb\\'secret2', e'qb\\\\secret3'",
                    "select U&'qbsecret4'",
                    "select $$qbsecret5$$, $t$qb'secret6$t$",
                    "select B'1011001110001111', X'DEADBEEF0042'",
                    "select 'C:\\' as a, 'qbsecret7' as \"b's\"",
                    "select 3735928559, 1 -- qbsecret8",
                    "select 1 /* qbsecret9 /* nested */ qbsecret10 */",
                    "select 'qb''secret11'");
            case H2 -> List.of(
                    "select 'qbsecret1'",
                    "select N'qbsecret2'",
                    "select U&'qbsecret3'",
                    "select X'DEADBEEF0042'",
                    "select 'C:\\' as a, 'qbsecret4' as \"b's\"",
                    "select 3735928559, 1 -- qbsecret5",
                    "select 1 /* qbsecret6 */",
                    "select 'qb''secret7'");
        };

        ScopeReport report = QueryRecorder.record("secrets on " + database,
                QueryBudgetSettings.defaults().withBudget(Budget.total(0)).withThreshold(2), () -> {
                    try (Connection connection = dataSource.getConnection();
                         Statement statement = connection.createStatement()) {
                        for (String sql : statements) {
                            for (int run = 0; run < 2; run++) {
                                statement.executeQuery(sql).close(); // the server takes every form
                            }
                        }
                    }
                });

        assertThat(report.counts().total()).isEqualTo(2L * statements.size());
        assertThat(report.findings()).isNotEmpty();
        String everything = report.shapes().stream().map(count -> count.shape().sql()).toList() + "\n" + report.format() + "\n"
                + report.findings().stream().map(JsonRenderer::render).toList();
        for (String secret : SECRETS) {
            assertThat(everything.toLowerCase(java.util.Locale.ROOT)).as("the shapes, the text and the JSON")
                    .doesNotContain(secret);
        }
    }
}
