package dev.querybudget.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot round trip: record, pass unchanged, fail with a diff on a new query, rewrite on request. */
class QuerySnapshotTests {

    static final TestDatabase DB = TestDatabase.create();

    /** What "the code under test" runs; the test changes it between runs as a code change would. */
    static volatile int lookups = 2;
    static volatile boolean countToo;

    @QuerySnapshot
    static class SnapshotTestCases {
        @Test
        void listsItems() {
            for (int id = 1; id <= lookups; id++) {
                DB.name(id);
            }
            if (countToo) {
                DB.execute("select count(*) from item");
            }
        }

        @Test
        void countsItems() {
            DB.execute("select count(*) from item");
        }
    }

    @Test
    void recordPassUnchangedFailOnGrowthAndRewriteOnRequest(@TempDir Path directory) throws Exception {
        Map<String, String> inTemp = Map.of("querybudget.snapshots.dir", directory.toString());
        Path file = directory.resolve("dev/querybudget/junit/QuerySnapshotTests.SnapshotTestCases.queries");
        lookups = 2;
        countToo = false;

        assertThat(outcomes(run(SnapshotTestCases.class, inTemp))).containsOnly(
                Map.entry("countsItems", "passed"), Map.entry("listsItems", "passed"));
        String recorded = Files.readString(file);
        assertThat(recorded).isEqualTo("""
                # QueryBudget query snapshot of dev.querybudget.junit.QuerySnapshotTests$SnapshotTestCases
                # Each test's statement shapes and how often they ran. A new shape or a higher count fails the test;
                # rewrite this file with -Dquerybudget.snapshots.update=true when the change is intended.

                [countsItems]
                     1  select count(*) from item

                [listsItems]
                     2  select name from item where id = ?
                """);

        assertThat(outcomes(run(SnapshotTestCases.class, inTemp))).containsOnly(
                Map.entry("countsItems", "passed"), Map.entry("listsItems", "passed"));
        assertThat(Files.readString(file)).isEqualTo(recorded);

        lookups = 3;
        countToo = true;
        assertThat(outcomes(run(SnapshotTestCases.class, inTemp))).containsOnly(Map.entry("countsItems", "passed"),
                Map.entry("listsItems", """
                        Query snapshot QuerySnapshotTests.SnapshotTestCases.queries [listsItems] no longer matches this run:
                        +      1  select count(*) from item   (new)
                        -      2  select name from item where id = ?
                        +      3  select name from item where id = ?
                        A shape is new or ran more often. If the change is intended, rewrite the snapshot with \
                        -Dquerybudget.snapshots.update=true."""));
        assertThat(Files.readString(file)).as("a failing run leaves the snapshot alone").isEqualTo(recorded);

        Map<String, String> update = Map.of("querybudget.snapshots.dir", directory.toString(),
                "querybudget.snapshots.update", "true");
        assertThat(outcomes(run(SnapshotTestCases.class, update))).containsOnly(
                Map.entry("countsItems", "passed"), Map.entry("listsItems", "passed"));
        assertThat(Files.readString(file)).endsWith("""
                [listsItems]
                     1  select count(*) from item
                     3  select name from item where id = ?
                """);
        assertThat(outcomes(run(SnapshotTestCases.class, inTemp))).containsOnly(
                Map.entry("countsItems", "passed"), Map.entry("listsItems", "passed"));
    }

    @Test
    void aShrinkingCountPassesIsReportedAndIsRewrittenOnlyOnRequest(@TempDir Path directory) throws Exception {
        Map<String, String> inTemp = Map.of("querybudget.snapshots.dir", directory.toString());
        Path file = directory.resolve("dev/querybudget/junit/QuerySnapshotTests.SnapshotTestCases.queries");
        lookups = 4;
        countToo = false;
        run(SnapshotTestCases.class, inTemp);
        String recorded = Files.readString(file);

        lookups = 1;
        EngineExecutionResults results = run(SnapshotTestCases.class, inTemp);

        assertThat(outcomes(results)).containsOnly(Map.entry("countsItems", "passed"), Map.entry("listsItems", "passed"));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("querybudget.snapshot")))
                .containsExactly("""
                        Fewer statements than the snapshot QuerySnapshotTests.SnapshotTestCases.queries records \
                        (rewrite it with -Dquerybudget.snapshots.update=true to keep the gain):
                             4  select name from item where id = ?  →  1""");
        assertThat(Files.readString(file)).isEqualTo(recorded);
    }
}
