package dev.querybudget.engine;

import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.internal.scope.ScopeRegistry;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scopes left open heal: a thread keeps at most {@link ScopeRegistry#MAX_OPEN_PER_THREAD} open, so a statement records
 * into that many however many leak, and a scope closed that way still reports what it saw when it is finished.
 */
class LeakedScopeTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void aStatementRecordsIntoTheNewestScopesOnlyHoweverManyLeaked() throws Exception {
        long leakedBefore = ScopeRegistry.get().leakedScopes();
        List<QueryScope> scopes = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            scopes.add(QueryRecorder.open("leaked " + k, QueryBudgetSettings.defaults()));
        }

        Sql.query(dataSource, "select name from item where id = ?", 1);

        List<ScopeReport> reports = new ArrayList<>();
        for (int k = scopes.size() - 1; k >= 0; k--) {
            reports.add(0, scopes.get(k).finish());
        }
        assertThat(ScopeRegistry.get().leakedScopes() - leakedBefore).isEqualTo(20_000 - 64);
        assertThat(reports).hasSize(20_000).doesNotContainNull();
        assertThat(reports.subList(0, 20_000 - 64)).allSatisfy(report -> assertThat(report.counts().total()).isZero());
        assertThat(reports.subList(20_000 - 64, 20_000))
                .allSatisfy(report -> assertThat(report.counts().total()).isEqualTo(1));
        assertThat(reports.get(0).name()).isEqualTo("leaked 0");
    }

    @Test
    void aScopeClosedAsLeakedReportsWhatItSawBefore() throws Exception {
        QueryScope leaked = QueryRecorder.open("left open", QueryBudgetSettings.defaults());
        Sql.query(dataSource, "select name from item where id = ?", 1);
        List<QueryScope> newer = new ArrayList<>();
        for (int k = 0; k < 64; k++) {
            newer.add(QueryRecorder.open("newer " + k, QueryBudgetSettings.defaults()));
        }
        Sql.query(dataSource, "select name from item where id = ?", 2);

        for (int k = newer.size() - 1; k >= 0; k--) {
            assertThat(newer.get(k).finish().counts().total()).isEqualTo(1);
        }
        assertThat(leaked.finish().counts().total()).isEqualTo(1);
    }
}
