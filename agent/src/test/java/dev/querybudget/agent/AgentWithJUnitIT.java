package dev.querybudget.agent;

import com.example.orders.RunTestCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @QueryBudget} with the agent on the test JVM and a plain DataSource: one engine — the extension's scope sees
 * the statements the agent wrapped, each counted once.
 */
class AgentWithJUnitIT {

    @Test
    void anNPlusOneFailsTheTestAndEachStatementCountsOnce() throws Exception {
        ForkedJvm tests = ForkedJvm.start("", RunTestCases.class.getName(), "running", true,
                "com.example.orders.PlainDataSourceTestCases");
        tests.awaitReady();
        assertThat(tests.awaitExit()).isZero();

        String out = tests.stdout().replaceAll("\\(\\d+\\.\\d ms\\)", "(… ms)");
        assertThat(out).contains("""
                == twoStatementsInABudgetOfTwo()
                passed""");
        assertThat(out).contains("""
                == loopOfThree()
                QueryBudget: 1 finding in "PlainDataSourceTestCases.loopOfThree": 3 statements (3 select, 0 insert, \
                0 update, 0 delete, 0 other)

                1. N+1 query: select ran 3 times from one call site with 3 distinct parameter sets (… ms)
                  shape:     select name from item where id = ?
                  call site: com.example.orders.PlainDataSourceTestCases.name(PlainDataSourceTestCases.java:""");
    }
}
