package dev.querybudget.junit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests running at the same time each count their own statements. */
class ParallelExecutionTests {

    static final TestDatabase DB = TestDatabase.create();

    /** Each test runs exactly its budget, pausing between statements so that the tests overlap. */
    static class ConcurrentTestCases {
        @Test
        @QueryBudget(max = 1)
        void one() {
            run(1);
        }

        @Test
        @QueryBudget(max = 2)
        void two() {
            run(2);
        }

        @Test
        @QueryBudget(max = 3)
        void three() {
            run(3);
        }

        @Test
        @QueryBudget(max = 4)
        void four() {
            run(4);
        }

        @Test
        @QueryBudget(max = 5)
        void five() {
            run(5);
        }

        @Test
        @QueryBudget(max = 5)
        void sixOverAFive() {
            run(6);
        }

        private static void run(int statements) {
            for (int i = 0; i < statements; i++) {
                DB.execute("select count(*) from item");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void countsOfConcurrentTestsNeverMix() {
        Map<String, String> parallel = Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "6");

        Map<String, String> outcomes = outcomes(run(ConcurrentTestCases.class, parallel));

        assertThat(outcomes).containsEntry("one", "passed").containsEntry("two", "passed")
                .containsEntry("three", "passed").containsEntry("four", "passed").containsEntry("five", "passed")
                .hasSize(6);
        assertThat(outcomes.get("sixOverAFive")).startsWith("""
                QueryBudget: 1 finding in "ConcurrentTestCases.sixOverAFive": 6 statements (6 select, 0 insert, \
                0 update, 0 delete, 0 other)

                1. Over query budget: 6 statements ran, the budget allows 5""");
    }
}
