package dev.querybudget.engine;

import dev.querybudget.Budget;
import dev.querybudget.BudgetFinding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetExceededException;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ShapeFinding;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A scope that fails on findings fails the JDBC call whose statement made a finding fire, inside the application's
 * transaction: nothing the unit of work wrote is committed. Real H2, real transactions.
 */
class FailOnFindingsTests {

    private final DataSource h2 = H2.database();
    private final DataSource counted = QueryRecorder.wrap(h2);

    @Test
    void theWriteThatCrossesTheBudgetFailsAndTheTransactionWritesNothing() throws Exception {
        QueryScope scope = QueryRecorder.open("POST /items", QueryBudgetSettings.forTests().withThreshold(50)
                .withBudget(Budget.total(5)))
                .failOnFindings(true);
        QueryBudgetExceededException failure;
        try (Connection connection = counted.getConnection()) {
            connection.setAutoCommit(false);
            failure = catchThrowableOfType(QueryBudgetExceededException.class, () -> insertEach(connection, 100, 20));
            connection.rollback();
        } finally {
            scope.finish();
        }

        assertThat(failure.finding()).isInstanceOfSatisfying(BudgetFinding.class, budget -> {
            assertThat(budget.count()).as("the sixth statement crossed the budget of five").isEqualTo(6);
            assertThat(budget.allowed()).isEqualTo(5);
        });
        assertThat(failure.getSQLState()).isEqualTo("QB001");
        assertThat(failure.getMessage()).startsWith("QueryBudget failed the statement that made this finding fire, as"
                + " its scope fails on findings:\nOver query budget: 6 statements ran, the budget allows 5");
        assertThat(Sql.query(h2, "select count(*) from item where id >= 100")).containsExactly(0L);
    }

    @Test
    void theLookupThatMakesTheNPlusOneFailsAtTheThreshold() throws Exception {
        QueryScope scope = QueryRecorder.open("GET /items", QueryBudgetSettings.forTests().withThreshold(3))
                .failOnFindings(true);
        int[] ran = {0};
        QueryBudgetExceededException failure;
        try {
            failure = catchThrowableOfType(QueryBudgetExceededException.class, () -> {
                for (int id = 1; id <= 10; id++) {
                    Sql.query(counted, "select name from item where id = ?", id);
                    ran[0]++;
                }
            });
        } finally {
            scope.finish();
        }

        assertThat(ran[0]).as("lookups that returned before the third failed").isEqualTo(2);
        assertThat(failure.finding()).isInstanceOfSatisfying(ShapeFinding.class, finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
            assertThat(finding.sql()).isEqualTo("select name from item where id = ?");
            assertThat(finding.count()).isEqualTo(3);
        });
        assertThat(failure.getMessage()).doesNotContain("item 1").contains("N+1 query: select ran 3 times");
    }

    @Test
    void aDuplicateFailsAtItsRepeatAndAScopeWithoutTheOptionNeverFails() throws Exception {
        QueryScope failing = QueryRecorder.open("duplicate", QueryBudgetSettings.forTests()).failOnFindings(true);
        QueryBudgetExceededException failure;
        try {
            Sql.query(counted, "select name from item where id = ?", 7);
            failure = catchThrowableOfType(QueryBudgetExceededException.class,
                    () -> Sql.query(counted, "select name from item where id = ?", 7));
        } finally {
            failing.finish();
        }
        assertThat(failure.finding().kind()).isEqualTo(FindingKind.DUPLICATE);

        QueryScope reporting = QueryRecorder.open("reporting", QueryBudgetSettings.forTests().withBudget(Budget.total(1)));
        try {
            for (int id = 1; id <= 10; id++) {
                Sql.query(counted, "select name from item where id = ?", id);
            }
        } finally {
            assertThat(reporting.finish().findings()).extracting(finding -> finding.kind())
                    .containsExactly(FindingKind.QUERY_BUDGET, FindingKind.N_PLUS_ONE);
        }
    }

    @Test
    void theApplicationsOwnFailureWinsOverTheFinding() throws Exception {
        QueryScope scope = QueryRecorder.open("bad sql", QueryBudgetSettings.forTests().withBudget(Budget.total(0)))
                .failOnFindings(true);
        SQLException failure;
        try {
            failure = catchThrowableOfType(SQLException.class,
                    () -> Sql.query(counted, "select nope from item where id = ?", 1));
        } finally {
            scope.finish();
        }

        assertThat((Throwable) failure).isNotInstanceOf(QueryBudgetExceededException.class);
        assertThat(failure.getMessage()).contains("NOPE");
    }

    private static void insertEach(Connection connection, int from, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into item (id, name) values (?, ?)")) {
            for (int id = from; id < from + count; id++) {
                insert.setInt(1, id);
                insert.setString(2, "new " + id);
                insert.executeUpdate();
            }
        }
    }
}
