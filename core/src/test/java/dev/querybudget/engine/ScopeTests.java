package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.ThreadMode;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Which scopes a statement lands in: nesting, threads, nothing open. */
class ScopeTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void nestedScopesEachCountTheStatementsRunInsideThem() throws Exception {
        QueryScope outer = QueryRecorder.open("outer", QueryBudgetSettings.defaults());
        Sql.query(dataSource, "select name from item where id = ?", 1);
        ScopeReport inner = QueryRecorder.record("inner", () -> Sql.query(dataSource, "select name from item where id = ?", 2));
        Sql.query(dataSource, "select count(*) from item");
        ScopeReport outerReport = outer.finish();

        assertThat(inner.counts().select()).isEqualTo(1);
        assertThat(outerReport.counts().select()).isEqualTo(3);
        assertThat(outerReport.shapes()).extracting(shape -> shape.shape().sql() + " × " + shape.count())
                .containsExactly("select name from item where id = ? × 2", "select count(*) from item × 1");
    }

    @Test
    void aScopeOfItsOwnThreadDoesNotSeeOtherThreads() throws Exception {
        ScopeReport report = QueryRecorder.record("own thread", () -> {
            Sql.query(dataSource, "select name from item where id = ?", 1);
            CompletableFuture.runAsync(() -> query("select name from item where id = ?", 2)).join();
        });

        assertThat(report.counts().select()).isEqualTo(1);
    }

    @Test
    void anAllThreadsScopeSeesEveryThread() throws Exception {
        QueryBudgetSettings allThreads = QueryBudgetSettings.defaults().withThreadMode(ThreadMode.ALL_THREADS);

        ScopeReport report = QueryRecorder.record("all threads", allThreads, () -> {
            Sql.query(dataSource, "select name from item where id = ?", 1);
            CompletableFuture.runAsync(() -> query("select name from item where id = ?", 2)).join();
            Thread server = new Thread(() -> query("select name from item where id = ?", 3));
            server.start();
            server.join();
        });

        assertThat(report.counts().select()).isEqualTo(3);
    }

    @Test
    void statementsOutsideAnyScopeAreNotRecordedAndAScopeStartsEmpty() throws Exception {
        Sql.query(dataSource, "select name from item where id = ?", 1);

        ScopeReport report = QueryRecorder.record("empty", () -> { });

        assertThat(report.counts().total()).isZero();
        assertThat(report.shapes()).isEmpty();
    }

    @Test
    void aClosedScopeStopsCountingAndFinishIsIdempotent() throws Exception {
        QueryScope scope = QueryRecorder.open("closed", QueryBudgetSettings.defaults());
        Sql.query(dataSource, "select name from item where id = ?", 1);
        ScopeReport first = scope.finish();
        Sql.query(dataSource, "select name from item where id = ?", 2);

        assertThat(scope.finish()).isSameAs(first);
        assertThat(first.counts().select()).isEqualTo(1);
    }

    @Test
    void concurrentScopesOnTwoThreadsNeverMix() throws Exception {
        CompletableFuture<ScopeReport> three = CompletableFuture.supplyAsync(() -> runQueries("three", 3));
        CompletableFuture<ScopeReport> seven = CompletableFuture.supplyAsync(() -> runQueries("seven", 7));

        assertThat(three.join().counts().select()).isEqualTo(3);
        assertThat(seven.join().counts().select()).isEqualTo(7);
    }

    @Test
    void statementsAreCountedPerNamedDataSource() throws Exception {
        DataSource orders = QueryRecorder.wrap("orders", H2.database());
        DataSource catalog = QueryRecorder.wrap("catalog", H2.database());

        ScopeReport report = QueryRecorder.record("two databases", () -> {
            Sql.query(orders, "select name from item where id = ?", 1);
            Sql.query(catalog, "select count(*) from item");
            Sql.query(orders, "select name from item where id = ?", 2);
        });

        assertThat(report.dataSources()).containsExactly(java.util.Map.entry("orders", 2L),
                java.util.Map.entry("catalog", 1L));
    }

    private ScopeReport runQueries(String name, int count) {
        return QueryRecorder.record(name, () -> {
            for (int i = 1; i <= count; i++) {
                query("select name from item where id = ?", i);
            }
        });
    }

    private void query(String sql, Object value) {
        try {
            Sql.query(dataSource, sql, value);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScopeAttachedToAnotherThreadCountsItsStatementsThereUntilDetached() throws Exception {
        QueryScope scope = QueryRecorder.open("async request", QueryBudgetSettings.defaults());
        Sql.query(dataSource, "select name from item where id = ?", 1);
        scope.detachFromCurrentThread();
        Sql.query(dataSource, "select name from item where id = ?", 2);
        CompletableFuture.runAsync(() -> {
            scope.attachToCurrentThread();
            scope.attachToCurrentThread();
            query("select name from item where id = ?", 3);
            scope.detachFromCurrentThread();
            query("select name from item where id = ?", 4);
        }).join();

        assertThat(scope.finish().counts().select()).as("statements 1 and 3, each once").isEqualTo(2);
    }
}
