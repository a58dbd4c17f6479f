package dev.querybudget.conformance;

import dev.querybudget.QueryRecorder;
import dev.querybudget.conformance.app.Work;
import dev.querybudget.junit.QueryBudget;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The conformance scenarios through the JUnit extension: a test that does the work fails on the same finding — the
 * same kind, shape, count and call site — as the agent and the starter report for the request.
 */
class JUnitConformanceTests {

    static final Work WORK;

    static {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:conformance-junit;DB_CLOSE_DELAY=-1");
        WORK = new Work(new org.springframework.jdbc.core.JdbcTemplate(QueryRecorder.wrap(h2)));
        WORK.createSchema();
    }

    /** Run by the engine below, with the request's threshold and budget, as a team would set them for a build. */
    static class ScenarioTestCases {

        @Test
        @QueryBudget(threshold = 5, max = 10, duplicates = QueryBudget.Action.FAIL,
                unbatchedWrites = QueryBudget.Action.FAIL)
        void nPlusOne() {
            WORK.ordersWithItems(1);
        }

        @Test
        @QueryBudget(threshold = 5, max = 10, duplicates = QueryBudget.Action.FAIL)
        void duplicate() {
            WORK.duplicateLookup(1);
        }

        @Test
        @QueryBudget(threshold = 5, max = 10, unbatchedWrites = QueryBudget.Action.FAIL)
        void unbatchedWrite() {
            WORK.importRows(200);
        }

        @Test
        @QueryBudget(threshold = 5, max = 10)
        void budget() {
            WORK.twelveDifferentStatements();
        }

        @Test
        @QueryBudget(threshold = 5, max = 10, duplicates = QueryBudget.Action.FAIL,
                unbatchedWrites = QueryBudget.Action.FAIL)
        void fix() {
            WORK.ordersJoined(1);
        }
    }

    @Test
    void eachTestFailsOnTheFindingTheRequestHas() throws Exception {
        Map<String, String> outcomes = new TreeMap<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ScenarioTestCases.class)).execute().testEvents()
                .finished().stream().forEach(event -> outcomes.put(name(event), outcome(event)));

        assertThat(outcomes.get("fix")).isEqualTo("passed");
        assertSameFinding(outcomes.get("nPlusOne"), "GET /customers/{customerId}/orders", "N+1 query: select ran 6 times");
        // A test's scope samples every first execution, so it names both call sites of the duplicate from the first
        // run; a request's names the second only until the shape has repeated in an earlier request.
        assertThat(outcomes.get("duplicate")).contains("Duplicate query: select ran 2 times with only 1 distinct"
                + " parameter set, from 2 call sites (")
                .contains("  shape:     " + ExpectedFindings.field(
                        ExpectedFindings.forScope("GET /customers/{customerId}/order-count"), "sql") + "\n")
                .containsPattern("  call site: dev\\.querybudget\\.conformance\\.app\\.Work\\.duplicateLookup\\(Work\\.java:\\d+\\) × 1\n"
                        + " {13}dev\\.querybudget\\.conformance\\.app\\.Work\\.duplicateLookup\\(Work\\.java:\\d+\\) × 1\n");
        assertSameFinding(outcomes.get("unbatchedWrite"), "POST /imports", "Unbatched write: insert ran 6 times");
        assertThat(outcomes.get("budget")).contains("1. Over query budget: 12 statements ran, the budget allows 10");
    }

    private static void assertSameFinding(String message, String scope, String headline) throws Exception {
        String expected = ExpectedFindings.forScope(scope);
        assertThat(message).contains(headline)
                .contains("  shape:     " + ExpectedFindings.field(expected, "sql") + "\n")
                .contains("  call site: " + ExpectedFindings.field(expected, "callSite") + "\n");
    }

    private static String name(Event event) {
        String legacy = event.getTestDescriptor().getLegacyReportingName();
        return legacy.endsWith("()") ? legacy.substring(0, legacy.length() - 2) : legacy;
    }

    private static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "passed"
                : result.getThrowable().orElseThrow().getMessage();
    }
}
