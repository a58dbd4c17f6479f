package dev.querybudget.junit;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static dev.querybudget.junit.QueryAssertions.assertThatQueries;
import static dev.querybudget.junit.QueryAssertions.assertThatQueryScaling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The AssertJ assertions on a block: what passes, and the failure messages word for word. */
class QueryAssertionsTests {

    private static final TestDatabase DB = TestDatabase.create();

    @Test
    void countsPerTypePass() {
        assertThatQueries(() -> {
            DB.name(1);
            DB.rename(1, "one");
            DB.insert(500);
            DB.delete(500);
        }).hasCount(4).hasCountAtMost(4).hasSelectCount(1).hasUpdateCount(1).hasInsertCount(1).hasDeleteCount(1)
                .hasNoFindings();
    }

    @Test
    void aWrongCountFailsWithTheCountsAndTheShapesThatRanMost() {
        assertThatThrownBy(() -> assertThatQueries(() -> DB.lookUp(1, 2)).hasSelectCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting the block to run 1 select statement but it ran 2 statements (2 select, 0 insert, \
                        0 update, 0 delete, 0 other)
                        ran most:
                              2 × select name from item where id = ?""");
        assertThatThrownBy(() -> assertThatQueries(() -> DB.lookUp(1, 2)).hasCountAtMost(1))
                .hasMessageStartingWith("Expecting the block to run at most 1 statement but it ran 2 statements");
        assertThatThrownBy(() -> assertThatQueries(() -> DB.lookUp(1, 2)).hasCount(3))
                .hasMessageStartingWith("Expecting the block to run 3 statements but it ran 2 statements");
    }

    @Test
    void anNPlusOneFailsHasNoNPlusOneWithTheFinding() {
        int line = nextLine();
        Runnable loop = () -> DB.lookUp(1, 3);

        Throwable failure = catchThrowable(() -> assertThatQueries(loop::run).hasNoNPlusOne());

        assertThat(failure.getMessage().replaceAll("\\(\\d+\\.\\d ms\\)", "(… ms)")).isEqualTo("""
                Expecting the block to run no N+1 query, but it ran 1:

                1. N+1 query: select ran 3 times from one call site with 3 distinct parameter sets (… ms)
                  shape:     select name from item where id = ?
                  call site: dev.querybudget.junit.TestDatabase.name(TestDatabase.java:49)
                             via dev.querybudget.junit.TestDatabase.lookUp(TestDatabase.java:59)
                             via dev.querybudget.junit.QueryAssertionsTests.lambda$anNPlusOneFailsHasNoNPlusOneWithTheFinding$7(QueryAssertionsTests.java:%d)
                             via dev.querybudget.junit.QueryAssertionsTests.lambda$anNPlusOneFailsHasNoNPlusOneWithTheFinding$8(QueryAssertionsTests.java:%d)
                             via dev.querybudget.junit.QueryAssertionsTests.anNPlusOneFailsHasNoNPlusOneWithTheFinding(QueryAssertionsTests.java:%d)
                  fix:       load the rows in one query before the loop (a JOIN, or WHERE … IN (…) over all the keys) \
                instead of one query per row
                  fingerprint: d2edbdb46a329e21""".formatted(line, line + 2, line + 2));
        assertThatQueries(loop::run).hasNPlusOneOn("select name from item where id = ?");
    }

    @Test
    void hasNPlusOneOnFailsWhenThereIsNone() {
        assertThatThrownBy(() -> assertThatQueries(() -> DB.name(1)).hasNPlusOneOn("select name from item where id = ?"))
                .hasMessage("""
                        Expecting an N+1 query on
                          select name from item where id = ?
                        but the block ran none.""");
    }

    @Test
    void duplicatesAndUnbatchedWritesHaveTheirOwnChecks() {
        assertThatThrownBy(() -> assertThatQueries(() -> {
            DB.name(9);
            DB.name(9);
        }).hasNoDuplicates()).hasMessageStartingWith("""
                Expecting the block to run no Duplicate query, but it ran 1:

                1. Duplicate query: select ran 2 times with only 1 distinct parameter set""");
        assertThatThrownBy(() -> assertThatQueries(() -> {
            DB.insert(600);
            DB.insert(601);
            DB.insert(602);
        }).hasNoUnbatchedWrites()).hasMessageStartingWith("""
                Expecting the block to run no Unbatched write, but it ran 1:

                1. Unbatched write: insert ran 3 times one row at a time, outside a batch""");
    }

    @Test
    void theBlocksOwnExceptionReachesTheTestUnchanged() {
        assertThatThrownBy(() -> assertThatQueries(() -> {
            throw new java.io.IOException("from the block");
        })).isInstanceOf(java.io.IOException.class).hasMessage("from the block");
    }

    @Test
    void theScalingCheckCatchesAnNPlusOneBelowAnyThreshold() {
        assertThatThrownBy(() -> assertThatQueryScaling(size -> size, size -> DB.lookUp(1, size))
                .doesNotGrowBetween(1, 2))
                .hasMessage("""
                        Expecting the same statements for a fixture of 1 and of 2, but this shape ran more often with \
                        the larger one (an N+1 grows with the data):
                              1 →     2  select name from item where id = ?""");
    }

    @Test
    void theScalingCheckPassesWhenTheStatementsStayTheSame() {
        Map<Integer, String> names = new TreeMap<>();
        assertThatQueryScaling(size -> size, size -> {
            try (var connection = DB.dataSource().getConnection();
                 var statement = connection.prepareStatement("select id, name from item where id <= ?")) {
                statement.setInt(1, size);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.put(rows.getInt(1), rows.getString(2));
                    }
                }
            }
        }).doesNotGrowBetween(2, 20);
        assertThat(names).hasSize(20);
    }

    private static int nextLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber() + 1;
    }
}
