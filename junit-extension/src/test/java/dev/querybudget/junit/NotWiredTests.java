package dev.querybudget.junit;

import dev.querybudget.QueryRecorder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in a JVM of its own (a Surefire execution of its own), where nothing is wrapped: a declared budget then
 * fails instead of passing silently.
 */
class NotWiredTests {

    static class UnwiredTestCases {
        @Test
        @QueryBudget(max = 1)
        void budgetWithNothingWrapped() throws Exception {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL("jdbc:h2:mem:unwired");
            try (var connection = h2.getConnection(); var statement = connection.createStatement()) {
                statement.execute("select 1");
                statement.execute("select 2");
            }
        }
    }

    @Test
    void aBudgetWithNothingWrappedFailsAndSaysHowToWireIt() {
        assertThat(QueryRecorder.isInstalled()).as("this JVM wraps nothing").isFalse();

        Map<String, String> outcomes = outcomes(run(UnwiredTestCases.class));

        assertThat(outcomes).containsOnly(Map.entry("budgetWithNothingWrapped", """
                @QueryBudget cannot count this test's statements: nothing in this JVM is wrapped by QueryBudget, so \
                the test would pass whatever it ran. Wire it in one of three ways:
                  1. wrap the DataSource the code under test uses: dev.querybudget.QueryRecorder.wrap(dataSource) \
                (querybudget-core);
                  2. in a Spring Boot test, add the querybudget-spring-boot-starter dependency: it wraps every \
                DataSource bean;
                  3. attach the agent to the test JVM: <argLine>-javaagent:path/to/querybudget-agent.jar</argLine> \
                in the maven-surefire-plugin configuration."""));
    }
}
