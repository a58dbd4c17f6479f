package dev.querybudget.engine;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The human report cannot be forged from SQL or a request: a line break, an ANSI escape or a bidi override in a quoted
 * identifier or a scope name is printed escaped, so the report has only the lines QueryBudget wrote.
 */
class ForgedLogTests {

    private static final String FORGED = "QueryBudget: no findings in \"GET /forged\": 1 statement";

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void aQuotedIdentifierCannotStartALineOrReachTheTerminal() throws Exception {
        String sql = "select \"x\nQueryBudget: no findings in GET /forged\u001B[2J\u202E\" from item";
        ScopeReport report = QueryRecorder.record("forge", QueryBudgetSettings.defaults().withBudget(Budget.total(0)),
                () -> {
                    run(sql);
                    run(sql); // a shape that ran once is not listed
                });

        String text = report.format();
        assertThat(text.lines()).noneMatch(line -> line.startsWith("QueryBudget: no findings"));
        assertThat(text).doesNotContain("\u001B", "\u202E")
                .contains("2 × select \"x\\nQueryBudget: no findings in GET /forged\\u001B[2J\\u202E\" from item");
    }

    @Test
    void aScopeNameCannotStartALine() throws Exception {
        ScopeReport report = QueryRecorder.record("GET /a\r\n" + FORGED + "\u2028",
                QueryBudgetSettings.defaults().withBudget(Budget.total(0)), () -> run("select name from item"));

        assertThat(report.format().lines().findFirst()).hasValue("QueryBudget: 1 finding in \"GET /a\\r\\n"
                + "QueryBudget: no findings in \"GET /forged\": 1 statement\\u2028\": 1 statement (1 select, 0 insert,"
                + " 0 update, 0 delete, 0 other)");
    }

    private void run(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException refused) {
            // H2 has no such column: the statement still ran, and counts
        }
    }
}
