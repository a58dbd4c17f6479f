package dev.querybudget.junit;

import dev.querybudget.junit.QueryBudget.Action;
import dev.querybudget.junit.QueryBudget.Threads;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @QueryBudget} on the real Jupiter engine: for each attribute, which tests pass, which fail, and the words. */
class QueryBudgetExtensionTests {

    static final TestDatabase DB = TestDatabase.create();

    static final String LOOKUP_N_PLUS_ONE = """
            QueryBudget: 1 finding in "NPlusOneTestCases.loopOfThree": 3 statements (3 select, 0 insert, 0 update, \
            0 delete, 0 other)

            1. N+1 query: select ran 3 times from one call site with 3 distinct parameter sets (… ms)
              shape:     select name from item where id = ?
              call site: dev.querybudget.junit.TestDatabase.name(TestDatabase.java:49)
                         via dev.querybudget.junit.TestDatabase.lookUp(TestDatabase.java:59)
                         via dev.querybudget.junit.QueryBudgetExtensionTests$NPlusOneTestCases.loopOfThree(QueryBudgetExtensionTests.java:%d)
              fix:       load the rows in one query before the loop (a JOIN, or WHERE … IN (…) over all the keys) \
            instead of one query per row
              fingerprint: 9069c81629a86203""";

    // ---- N+1 and the threshold --------------------------------------------------------------------------------

    static class NPlusOneTestCases {
        @Test
        @QueryBudget
        void loopOfThree() {
            DB.lookUp(1, 3);
        }

        @Test
        @QueryBudget
        void loopOfTwo() {
            DB.lookUp(1, 2);
        }

        @Test
        @QueryBudget(threshold = 5)
        void loopOfFourUnderThresholdFive() {
            DB.lookUp(1, 4);
        }

        @Test
        @QueryBudget(threshold = 5)
        void loopOfFiveAtThresholdFive() {
            DB.lookUp(1, 5);
        }

        @Test
        @QueryBudget(nPlusOne = Action.REPORT)
        void loopReportedOnly() {
            DB.lookUp(1, 3);
        }

        @Test
        @QueryBudget(nPlusOne = Action.IGNORE)
        void loopIgnored() {
            DB.lookUp(1, 3);
        }
    }

    @Test
    void anNPlusOneFailsFromTheThresholdWithTheShapeTheCountAndTheCallSite() {
        EngineExecutionResults results = run(NPlusOneTestCases.class);

        Map<String, String> outcomes = outcomes(results);
        assertThat(outcomes).containsEntry("loopOfThree", LOOKUP_N_PLUS_ONE.formatted(43))
                .containsEntry("loopOfTwo", "passed")
                .containsEntry("loopOfFourUnderThresholdFive", "passed")
                .containsEntry("loopReportedOnly", "passed")
                .containsEntry("loopIgnored", "passed")
                .hasSize(6);
        assertThat(outcomes.get("loopOfFiveAtThresholdFive"))
                .startsWith("QueryBudget: 1 finding in \"NPlusOneTestCases.loopOfFiveAtThresholdFive\": 5 statements")
                .contains("N+1 query: select ran 5 times from one call site with 5 distinct parameter sets");
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("querybudget")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("N+1 query: select ran 3 times from one call site with 3 distinct parameter sets");
    }

    // ---- budgets ------------------------------------------------------------------------------------------------

    static class BudgetTestCases {
        @Test
        @QueryBudget(max = 3)
        void threeStatementsInABudgetOfThree() {
            DB.name(1);
            DB.name(2);
            DB.execute("select count(*) from item");
        }

        @Test
        @QueryBudget(max = 2)
        void threeStatementsOverABudgetOfTwo() {
            DB.name(1);
            DB.name(2);
            DB.execute("select count(*) from item");
        }

        @Test
        @QueryBudget(select = 1)
        void twoSelectsOverASelectBudgetOfOne() {
            DB.name(1);
            DB.name(2);
        }

        @Test
        @QueryBudget(insert = 0)
        void anInsertOverAnInsertBudgetOfZero() {
            DB.insert(100);
        }

        @Test
        @QueryBudget(update = 1)
        void twoUpdatesOverAnUpdateBudgetOfOne() {
            DB.rename(1, "renamed");
            DB.rename(2, "renamed");
        }

        @Test
        @QueryBudget(delete = 0)
        void aDeleteOverADeleteBudgetOfZero() {
            DB.delete(49);
        }

        @Test
        @QueryBudget(max = 0)
        void noStatementInABudgetOfZero() {
        }
    }

    @Test
    void aTestOverABudgetFailsWithTheCountsAgainstTheBudgetAndTheShapesThatRanMost() {
        Map<String, String> outcomes = outcomes(run(BudgetTestCases.class));

        assertThat(outcomes).containsEntry("threeStatementsInABudgetOfThree", "passed")
                .containsEntry("noStatementInABudgetOfZero", "passed")
                .containsEntry("threeStatementsOverABudgetOfTwo", """
                        QueryBudget: 1 finding in "BudgetTestCases.threeStatementsOverABudgetOfTwo": 3 statements \
                        (3 select, 0 insert, 0 update, 0 delete, 0 other)

                        1. Over query budget: 3 statements ran, the budget allows 2
                          ran most:
                                2 × select name from item where id = ?
                                    at dev.querybudget.junit.TestDatabase.name(TestDatabase.java:49)
                            1 statement of shapes that ran once each, not listed
                          fix:       cut the statements the code runs (see the shapes that ran most), or raise the \
                        budget if the work really needs them
                          fingerprint: d3529737f639a37f""")
                .containsEntry("twoSelectsOverASelectBudgetOfOne", """
                        QueryBudget: 1 finding in "BudgetTestCases.twoSelectsOverASelectBudgetOfOne": 2 statements \
                        (2 select, 0 insert, 0 update, 0 delete, 0 other)

                        1. Over query budget: 2 select statements ran, the budget allows 1
                          ran most:
                                2 × select name from item where id = ?
                                    at dev.querybudget.junit.TestDatabase.name(TestDatabase.java:49)
                          fix:       cut the statements the code runs (see the shapes that ran most), or raise the \
                        budget if the work really needs them
                          fingerprint: 302107db26117247""");
        assertThat(outcomes.get("anInsertOverAnInsertBudgetOfZero"))
                .contains("1. Over query budget: 1 insert statement ran, the budget allows 0");
        assertThat(outcomes.get("twoUpdatesOverAnUpdateBudgetOfOne"))
                .contains("1. Over query budget: 2 update statements ran, the budget allows 1");
        assertThat(outcomes.get("aDeleteOverADeleteBudgetOfZero"))
                .contains("1. Over query budget: 1 delete statement ran, the budget allows 0",
                        "1 × delete from item where id = ?\n            at dev.querybudget.junit.TestDatabase.");
    }

    // ---- duplicates and unbatched writes -------------------------------------------------------------------------

    static class OtherFindingsTestCases {
        @Test
        @QueryBudget
        void duplicateReportedByDefault() {
            DB.name(7);
            DB.name(7);
        }

        @Test
        @QueryBudget(duplicates = Action.FAIL)
        void duplicateFailingOnRequest() {
            DB.name(7);
            DB.name(7);
        }

        @Test
        @QueryBudget
        void unbatchedWritesReportedByDefault() {
            DB.insert(200);
            DB.insert(201);
            DB.insert(202);
        }

        @Test
        @QueryBudget(unbatchedWrites = Action.FAIL)
        void unbatchedWritesFailingOnRequest() {
            DB.insert(300);
            DB.insert(301);
            DB.insert(302);
        }
    }

    @Test
    void duplicatesAndUnbatchedWritesAreReportedAndFailOnlyOnRequest() {
        Map<String, String> outcomes = outcomes(run(OtherFindingsTestCases.class));

        assertThat(outcomes).containsEntry("duplicateReportedByDefault", "passed")
                .containsEntry("unbatchedWritesReportedByDefault", "passed");
        assertThat(outcomes.get("duplicateFailingOnRequest")).isEqualTo("""
                QueryBudget: 1 finding in "OtherFindingsTestCases.duplicateFailingOnRequest": 2 statements (2 select, \
                0 insert, 0 update, 0 delete, 0 other)

                1. Duplicate query: select ran 2 times with only 1 distinct parameter set, from 2 call sites (… ms)
                  shape:     select name from item where id = ?
                  call site: dev.querybudget.junit.QueryBudgetExtensionTests$OtherFindingsTestCases.duplicateFailingOnRequest(QueryBudgetExtensionTests.java:199) × 1
                             dev.querybudget.junit.QueryBudgetExtensionTests$OtherFindingsTestCases.duplicateFailingOnRequest(QueryBudgetExtensionTests.java:200) × 1
                  fix:       the same row is read in several places: read it once and pass the result on, or keep it \
                for the request (a request-scoped cache, Spring's @Cacheable, Hibernate's persistence context by loading \
                it through the same EntityManager)
                  fingerprint: 81363f5aa26c5729""");
        assertThat(outcomes.get("unbatchedWritesFailingOnRequest"))
                .startsWith("QueryBudget: 1 finding in \"OtherFindingsTestCases.unbatchedWritesFailingOnRequest\"")
                .contains("1. Unbatched write: insert ran 3 times one row at a time, outside a batch (… ms)",
                        "shape:     insert into item(id, name) values (?, ?)",
                        "fix:       send the rows as one JDBC batch (addBatch/executeBatch); with Hibernate set"
                                + " hibernate.jdbc.batch_size (and hibernate.order_inserts / hibernate.order_updates)");
    }

    // ---- threads ----------------------------------------------------------------------------------------------------

    static class ThreadsTestCases {
        @Test
        @QueryBudget(max = 1)
        void anotherThreadIsNotCountedByDefault() {
            DB.name(1);
            CompletableFuture.runAsync(() -> DB.name(2)).join();
        }

        @Test
        @QueryBudget(max = 1, threads = Threads.ALL)
        void everyThreadIsCountedOnRequest() {
            DB.name(1);
            CompletableFuture.runAsync(() -> DB.name(2)).join();
        }
    }

    @Test
    void theThreadsAttributeChoosesWhoseStatementsCount() {
        Map<String, String> outcomes = outcomes(run(ThreadsTestCases.class));

        assertThat(outcomes).containsEntry("anotherThreadIsNotCountedByDefault", "passed");
        assertThat(outcomes.get("everyThreadIsCountedOnRequest"))
                .contains("2 statements (2 select,", "1. Over query budget: 2 statements ran, the budget allows 1");
    }

    // ---- bad attribute values ------------------------------------------------------------------------------------

    static class BadValueTestCases {
        @Test
        @QueryBudget(max = -2)
        void negativeMax() {
        }

        @Test
        @QueryBudget(select = -5)
        void negativeSelect() {
        }

        @Test
        @QueryBudget(threshold = 1)
        void thresholdOfOne() {
        }
    }

    @Test
    void badAttributeValuesAreAConfigurationErrorNamingTheAttributeTheValueAndWhatIsAccepted() {
        assertThat(outcomes(run(BadValueTestCases.class)))
                .containsEntry("negativeMax", "QueryBudget: @QueryBudget attribute 'max' was '-2', accepted: a whole"
                        + " number of at least 0, or -1 for no limit")
                .containsEntry("negativeSelect", "QueryBudget: @QueryBudget attribute 'select' was '-5', accepted: a"
                        + " whole number of at least 0, or -1 for no limit")
                .containsEntry("thresholdOfOne", "QueryBudget: @QueryBudget attribute 'threshold' was '1', accepted: a"
                        + " whole number of at least 2");
    }

    // ---- where the annotation is found -----------------------------------------------------------------------------

    @Retention(RetentionPolicy.RUNTIME)
    @QueryBudget(max = 1)
    @interface AtMostOneQuery {
    }

    @QueryBudget(max = 1)
    static class ClassLevelTestCases {
        @Test
        void classBudgetApplies() {
            DB.name(1);
            DB.name(2);
        }

        @Test
        @QueryBudget(max = 5)
        void methodBudgetWins() {
            DB.name(1);
            DB.name(2);
        }

        @Test
        @AtMostOneQuery
        void metaAnnotationApplies() {
            DB.name(1);
            DB.name(2);
        }

        @Nested
        class InnerTestCases {
            @Test
            void enclosingClassBudgetApplies() {
                DB.name(1);
                DB.name(2);
            }
        }
    }

    @QueryBudget(max = 1)
    abstract static class BaseTestCases {
    }

    static class InheritedTestCases extends BaseTestCases {
        @Test
        void superclassBudgetApplies() {
            DB.name(1);
            DB.name(2);
        }
    }

    @Test
    void theMethodWinsOverTheClassAndTheAnnotationIsInheritedNestedAndMeta() {
        Map<String, String> outcomes = outcomes(run(ClassLevelTestCases.class));

        assertThat(outcomes).containsEntry("methodBudgetWins", "passed").hasSize(4);
        assertThat(outcomes.get("classBudgetApplies")).contains("Over query budget: 2 statements ran, the budget allows 1");
        assertThat(outcomes.get("metaAnnotationApplies")).contains("Over query budget: 2 statements ran, the budget allows 1");
        assertThat(outcomes.get("enclosingClassBudgetApplies"))
                .contains("Over query budget: 2 statements ran, the budget allows 1");
        assertThat(outcomes(run(InheritedTestCases.class)).get("superclassBudgetApplies"))
                .contains("Over query budget: 2 statements ran, the budget allows 1");
    }

    // ---- configuration parameters ----------------------------------------------------------------------------------

    static class ConfiguredTestCases {
        @Test
        @QueryBudget
        void loopOfFour() {
            DB.lookUp(1, 4);
        }

        @Test
        @QueryBudget(threshold = 3)
        void loopOfFourWithThresholdThree() {
            DB.lookUp(1, 4);
        }
    }

    @Test
    void configurationParametersSetTheDefaultsAndTheAnnotationOverridesThem() {
        Map<String, String> thresholdFive = outcomes(run(ConfiguredTestCases.class, Map.of("querybudget.threshold", "5")));
        Map<String, String> reportOnly = outcomes(run(ConfiguredTestCases.class, Map.of("querybudget.n-plus-one", "report")));

        assertThat(thresholdFive.get("loopOfFour")).isEqualTo("passed");
        assertThat(thresholdFive.get("loopOfFourWithThresholdThree")).contains("N+1 query: select ran 4 times");
        assertThat(reportOnly).containsOnly(Map.entry("loopOfFour", "passed"),
                Map.entry("loopOfFourWithThresholdThree", "passed"));
    }

    @Test
    void aBadConfigurationParameterIsAConfigurationErrorNamingTheParameter() {
        assertThat(outcomes(run(ConfiguredTestCases.class, Map.of("querybudget.threshold", "many"))))
                .containsEntry("loopOfFour", "QueryBudget: configuration parameter 'querybudget.threshold' was 'many',"
                        + " accepted: a whole number of at least 2");
        assertThat(outcomes(run(ConfiguredTestCases.class, Map.of("querybudget.duplicates", "warn"))))
                .containsEntry("loopOfFour", "QueryBudget: configuration parameter 'querybudget.duplicates' was 'warn',"
                        + " accepted: fail, report or ignore");
    }

    // ---- the test's own failure comes first ---------------------------------------------------------------------------

    static class FailingTestCases {
        @Test
        @QueryBudget(max = 0)
        void failsOnItsOwn() {
            DB.name(1);
            throw new IllegalStateException("the test's own failure");
        }
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsOwnFailure() {
        assertThat(outcomes(run(FailingTestCases.class))).containsOnly(Map.entry("failsOnItsOwn", "the test's own failure"));
    }
}
