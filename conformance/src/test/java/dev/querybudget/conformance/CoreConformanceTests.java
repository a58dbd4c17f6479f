package dev.querybudget.conformance;

import dev.querybudget.Finding;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.conformance.app.Work;
import dev.querybudget.report.JsonRenderer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance scenarios through core's wrap: the same work in a scope named as the request would be, with the
 * request defaults, gives the same findings and the same JSON as the agent and the starter.
 */
class CoreConformanceTests {

    private final Work work;

    CoreConformanceTests() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:conformance-core;DB_CLOSE_DELAY=-1");
        work = new Work(new JdbcTemplate(QueryRecorder.wrap(h2)));
        work.createSchema();
    }

    @Test
    void theNPlusOne() throws Exception {
        assertSameFinding("GET /customers/{customerId}/orders", () -> work.ordersWithItems(1));
    }

    @Test
    void theDuplicate() throws Exception {
        assertSameFinding("GET /customers/{customerId}/order-count", () -> work.duplicateLookup(1));
    }

    @Test
    void theUnbatchedWrite() throws Exception {
        assertSameFinding("POST /imports", () -> work.importRows(100));
    }

    @Test
    void theBudget() throws Exception {
        assertSameFinding("GET /report", work::twelveDifferentStatements);
    }

    @Test
    void theFixHasNone() {
        assertThat(QueryRecorder.record("GET /customers/{customerId}/orders-joined", QueryBudgetSettings.forRequests(),
                () -> work.ordersJoined(1)).findings()).isEmpty();
    }

    private static void assertSameFinding(String scope, QueryRecorder.Work<RuntimeException> block) throws Exception {
        List<Finding> findings = QueryRecorder.record(scope, QueryBudgetSettings.forRequests(), block).findings();

        assertThat(findings).hasSize(1);
        assertThat(ExpectedFindings.aboutTheWork(JsonRenderer.render(findings.get(0))))
                .isEqualTo(ExpectedFindings.aboutTheWork(ExpectedFindings.forScope(scope)));
    }
}
