package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.spi.CarriedScopes;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes carried to a task on another thread count its statements there, and only while it runs. */
class CarriedScopesTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void nothingIsCapturedWhileTheThreadHasNoScopeOpen() throws Exception {
        assertThat(CarriedScopes.capture()).isNull();
        QueryScope scope = QueryRecorder.open("request", QueryBudgetSettings.defaults());
        scope.finish();
        assertThat(CarriedScopes.capture()).isNull();
    }

    @Test
    void aCarriedScopeCountsTheTasksStatementsAndLeavesThePooledThreadAsItWas() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            QueryScope worker = pool.submit(() -> QueryRecorder.open("the worker's own", QueryBudgetSettings.defaults()))
                    .get();
            QueryScope request = QueryRecorder.open("request", QueryBudgetSettings.defaults());
            Object captured = CarriedScopes.capture();
            AtomicReference<QueryScope> leftOpen = new AtomicReference<>();
            pool.submit(() -> {
                Object previous = CarriedScopes.attach(captured);
                try {
                    query(1);
                    leftOpen.set(QueryRecorder.open("left open by the task", QueryBudgetSettings.defaults()));
                    throw new IllegalStateException("the task fails");
                } finally {
                    CarriedScopes.restore(previous);
                }
            });
            pool.submit(() -> query(2)).get();

            assertThat(request.finish().counts().select()).as("the task's statement only").isEqualTo(1);
            assertThat(pool.submit(worker::finish).get().counts().select())
                    .as("the worker's own scope: the next task's statement only").isEqualTo(1);
            assertThat(leftOpen.get().finish().counts().select()).as("the scope the task left open").isZero();
        } finally {
            pool.shutdown();
        }
    }

    private int query(int id) {
        try {
            Sql.query(dataSource, "select name from item where id = ?", id);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
