package dev.querybudget.engine;

import dev.querybudget.report.FindingRenderer;
import dev.querybudget.Budget;
import dev.querybudget.BudgetFinding;
import dev.querybudget.BudgetLimit;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** The detector's rules, each on real JDBC against H2: what is a finding and what only looks like one. */
class DetectionRulesTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void aLoopOfLookupsIsAnNPlusOneFromTheThreshold() throws Exception {
        ScopeReport two = QueryRecorder.record("two", () -> lookUp(1, 2));
        ScopeReport three = QueryRecorder.record("three", () -> lookUp(1, 3));

        assertThat(two.findings()).isEmpty();
        assertThat(three.findings()).singleElement(type(ShapeFinding.class))
                .extracting(ShapeFinding::kind, ShapeFinding::count, ShapeFinding::distinctParameterSets)
                .containsExactly(FindingKind.N_PLUS_ONE, 3L, 3L);
    }

    @Test
    void theThresholdIsASetting() throws Exception {
        QueryBudgetSettings staging = QueryBudgetSettings.defaults().withThreshold(5);

        ScopeReport four = QueryRecorder.record("four", staging, () -> lookUp(1, 4));
        ScopeReport five = QueryRecorder.record("five", staging, () -> lookUp(1, 5));

        assertThat(four.findings()).isEmpty();
        assertThat(five.findings(FindingKind.N_PLUS_ONE)).hasSize(1);
    }

    @Test
    void twoCallSitesBelowTheThresholdEachAreNotAnNPlusOne() throws Exception {
        ScopeReport report = QueryRecorder.record("two sites", () -> {
            lookUp(1, 2); // call site A, twice
            lookUpElsewhere(3, 4); // call site B, twice
        });

        assertThat(report.findings()).isEmpty();
        assertThat(report.counts().select()).isEqualTo(4);
    }

    @Test
    void oneShapeFromTwoLoopsIsReportedPerCallSite() throws Exception {
        ScopeReport report = QueryRecorder.record("two loops", () -> {
            lookUp(1, 4);
            lookUpElsewhere(5, 10);
        });

        List<ShapeFinding> findings = report.shapeFindings(FindingKind.N_PLUS_ONE);
        assertThat(findings).extracting(ShapeFinding::count).containsExactly(6L, 4L);
        assertThat(findings).extracting(finding -> finding.stack().get(2).methodName())
                .containsExactly("lookUpElsewhere", "lookUp");
        assertThat(findings).extracting(finding -> finding.callSite().methodName()).containsOnly("query");
    }

    @Test
    void anInListFetchOfSeveralKeysIsTheFixNotAnNPlusOne() throws Exception {
        ScopeReport report = QueryRecorder.record("in lists", () -> {
            for (int from = 1; from <= 15; from += 3) {
                Sql.query(dataSource, "select name from item where id in (?, ?, ?)", from, from + 1, from + 2);
            }
        });

        assertThat(report.findings()).isEmpty();
        assertThat(report.shapes()).singleElement()
                .satisfies(shape -> assertThat(shape.shape().sql()).isEqualTo("select name from item where id in (...)"));
    }

    @Test
    void aLoopOfOneElementInListsIsStillAnNPlusOne() throws Exception {
        ScopeReport report = QueryRecorder.record("one-key in lists", () -> {
            for (int id = 1; id <= 4; id++) {
                Sql.query(dataSource, "select name from item where id in (?)", id);
            }
        });

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.N_PLUS_ONE);
    }

    @Test
    void anArrayKeyListIsTheFixNotAnNPlusOne() throws Exception {
        ScopeReport report = QueryRecorder.record("any arrays", () -> {
            for (int from = 1; from <= 15; from += 3) {
                Sql.query(dataSource, "select name from item where id = any(?)",
                        (Object) new Integer[]{from, from + 1, from + 2});
            }
        });

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void offsetAndKeysetPageLoopsAreNotAnNPlusOne() throws Exception {
        ScopeReport report = QueryRecorder.record("pages", () -> {
            for (int page = 0; page < 5; page++) {
                Sql.query(dataSource, "select name from item order by id limit 4 offset ?", page * 4);
            }
            for (int after = 0; after < 20; after += 4) {
                Sql.query(dataSource, "select id from item where id > ? order by id limit 4", after);
            }
        });

        assertThat(report.findings()).isEmpty();
        assertThat(report.counts().select()).isEqualTo(10);
    }

    @Test
    void aRepeatedIdenticalLookupIsADuplicate() throws Exception {
        ScopeReport report = QueryRecorder.record("duplicate", () -> {
            for (int i = 0; i < 3; i++) {
                Sql.query(dataSource, "select name from item where id = ?", 7);
            }
        });

        assertThat(report.findings()).singleElement(type(ShapeFinding.class))
                .extracting(ShapeFinding::kind, ShapeFinding::count, ShapeFinding::distinctParameterSets)
                .containsExactly(FindingKind.DUPLICATE, 3L, 1L);
    }

    @Test
    void literalsInlinedInTheSqlCountAsParameters() throws Exception {
        ScopeReport report = QueryRecorder.record("inlined", () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (int id : new int[]{1, 2, 3, 1}) {
                    statement.executeQuery("select name from item where id = " + id).close();
                }
            }
        });

        assertThat(report.findings()).singleElement(type(ShapeFinding.class)).satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
            assertThat(finding.sql()).isEqualTo("select name from item where id = ?");
            assertThat(finding.count()).isEqualTo(4);
            assertThat(finding.distinctParameterSets()).isEqualTo(3);
        });
    }

    @Test
    void writesOneByOneAreUnbatchedAndABatchIsOneRoundTrip() throws Exception {
        ScopeReport oneByOne = QueryRecorder.record("one by one", () -> insert(100, 103, false));
        ScopeReport batched = QueryRecorder.record("batched", () -> insert(200, 300, true));

        assertThat(oneByOne.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNBATCHED_WRITE);
        assertThat(oneByOne.counts().insert()).isEqualTo(3);
        assertThat(batched.findings()).isEmpty();
        assertThat(batched.counts().insert()).isEqualTo(1);
        assertThat(batched.counts().batches()).isEqualTo(1);
    }

    @Test
    void transactionControlAndSequenceCallsAreNeverFindings() throws Exception {
        ScopeReport report = QueryRecorder.record("other", () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create sequence if not exists seq");
                for (int i = 0; i < 5; i++) {
                    statement.execute("set autocommit false");
                    statement.executeQuery("select next value for seq").close();
                    statement.execute("commit");
                }
            }
        });

        assertThat(report.findings()).isEmpty();
        assertThat(report.counts().other()).isEqualTo(16);
        assertThat(report.counts().select()).isZero();
    }

    @Test
    void aBudgetFindingPerLimitOverItWithTheShapesThatRanMost() throws Exception {
        QueryBudgetSettings settings = QueryBudgetSettings.defaults()
                .withBudget(Budget.total(3).withSelect(2).withInsert(5));

        ScopeReport report = QueryRecorder.record("budget", settings, () -> {
            Sql.query(dataSource, "select count(*) from item");
            Sql.query(dataSource, "select name from item where id = ?", 1);
            Sql.query(dataSource, "select name from item where id = ?", 1);
            insert(400, 401, false);
        });

        List<BudgetFinding> budget = report.budgetFindings();
        assertThat(budget).extracting(BudgetFinding::limit, BudgetFinding::count, BudgetFinding::allowed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BudgetLimit.TOTAL, 4L, 3L),
                        org.assertj.core.groups.Tuple.tuple(BudgetLimit.SELECT, 3L, 2L));
        assertThat(budget.get(0).topShapes()).extracting(shape -> shape.shape().sql() + " × " + shape.count())
                .containsExactly("select name from item where id = ? × 2");
        assertThat(budget.get(0).topShapes().get(0).callSite().className()).isEqualTo(Sql.class.getName());
        assertThat(budget.get(0).onceOnly()).isEqualTo(2);
        assertThat(FindingRenderer.render(budget.get(0))).isEqualTo("""
                Over query budget: 4 statements ran, the budget allows 3
                  ran most:
                        2 × select name from item where id = ?
                            at %s
                    2 statements of shapes that ran once each, not listed
                  fix:       cut the statements the code runs (see the shapes that ran most), or raise the budget if\
                 the work really needs them
                  fingerprint: 7192808fb49328bc""".formatted(budget.get(0).topShapes().get(0).callSite()));
    }

    @Test
    void ignoredShapesAndCallSitesAreNotReported() throws Exception {
        QueryBudgetSettings ignoreShape = QueryBudgetSettings.defaults().withIgnoredShapes(List.of("FROM ITEM WHERE"));
        QueryBudgetSettings ignoreSite = QueryBudgetSettings.defaults()
                .withIgnoredCallSites(List.of(DetectionRulesTests.class.getName()));

        assertThat(QueryRecorder.record("ignored shape", ignoreShape, () -> lookUp(1, 5)).findings()).isEmpty();
        assertThat(QueryRecorder.record("ignored site", ignoreSite, () -> lookUp(1, 5)).findings()).isEmpty();
    }

    @Test
    void ignoredFramePrefixesAreNeverTheCallSite() throws Exception {
        QueryBudgetSettings settings = QueryBudgetSettings.defaults()
                .withIgnoredFramePrefixes(List.of(Sql.class.getName(), Repository.class.getName()));

        ScopeReport report = QueryRecorder.record("repository", settings, () -> {
            Repository repository = new Repository();
            for (int id = 1; id <= 3; id++) {
                repository.find(id);
            }
        });

        assertThat(report.findings()).singleElement(type(ShapeFinding.class))
                .satisfies(finding -> assertThat(finding.callSite().methodName())
                        .startsWith("lambda$ignoredFramePrefixesAreNeverTheCallSite$"));
    }

    @Test
    void theCallSiteIsTheFirstFrameOfTheApplicationPackages() throws Exception {
        QueryBudgetSettings settings = QueryBudgetSettings.defaults()
                .withApplicationPackages(List.of(DetectionRulesTests.class.getName()));

        ScopeReport report = QueryRecorder.record("application packages", settings, () -> lookUp(1, 3));

        assertThat(report.findings()).singleElement(type(ShapeFinding.class)).satisfies(finding -> {
            assertThat(finding.callSite().methodName()).isEqualTo("lookUp");
            assertThat(finding.stack()).first().isEqualTo(finding.callSite());
        });
    }

    @Test
    void withoutApplicationPackagesTheCallSiteIsTheFirstFrameOutsideLibrariesAndTheStackGoesOn() throws Exception {
        ScopeReport report = QueryRecorder.record("helper", () -> lookUp(1, 3));

        assertThat(report.findings()).singleElement(type(ShapeFinding.class)).satisfies(finding -> {
            assertThat(finding.callSite().toString()).isEqualTo("dev.querybudget.engine.Sql.query(Sql.java:30)");
            assertThat(finding.stack()).extracting(frame -> frame.methodName()).startsWith("query", "query", "lookUp");
        });
    }

    private final class Repository {
        void find(int id) throws SQLException {
            Sql.query(dataSource, "select name from item where id = ?", id);
        }
    }

    private void lookUp(int from, int to) throws SQLException {
        for (int id = from; id <= to; id++) {
            Sql.query(dataSource, "select name from item where id = ?", id);
        }
    }

    private void lookUpElsewhere(int from, int to) throws SQLException {
        for (int id = from; id <= to; id++) {
            Sql.query(dataSource, "select name from item where id = ?", id);
        }
    }

    private void insert(int from, int to, boolean batch) throws SQLException {
        Sql.insertItems(dataSource, from, to - from, batch);
    }
}
