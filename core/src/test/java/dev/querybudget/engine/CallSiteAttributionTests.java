package dev.querybudget.engine;

import dev.querybudget.CallSiteCount;
import dev.querybudget.Certainty;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.ThreadMode;
import dev.querybudget.report.FindingRenderer;
import dev.querybudget.report.JsonRenderer;
import com.fasterxml.jackson.databind.querybudget.LazySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.samples.querybudget.OwnerLookups;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a finding sends the user: the application's frame whatever its package, per-site counts that add up, distinct
 * parameter sets judged per call site, several sites of one duplicate, and the evidence of an N+1. Real JDBC on H2.
 */
class CallSiteAttributionTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    @Test
    void anApplicationUnderAFrameworksPrefixIsTheCallSiteWithOrWithoutApplicationPackages() throws Exception {
        ScopeReport unset = QueryRecorder.record("petclinic", () -> OwnerLookups.lookUpEach(dataSource, 1, 4));
        ScopeReport set = QueryRecorder.record("petclinic", QueryBudgetSettings.defaults()
                .withApplicationPackages(List.of("org.springframework.samples.querybudget")),
                () -> OwnerLookups.lookUpEach(dataSource, 1, 4));

        for (ScopeReport report : List.of(unset, set)) {
            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE)).singleElement()
                    .satisfies(finding -> assertThat(finding.callSite().toString()).startsWith(
                            "org.springframework.samples.querybudget.OwnerLookups.lookUpEach(OwnerLookups.java:"));
        }
    }

    @Test
    void applicationPackagesWinOverTheBuiltInLibraryList() throws Exception {
        ScopeReport unset = QueryRecorder.record("hibernate's own", () ->
                org.hibernate.orm.test.querybudget.OwnerLookups.lookUpEach(dataSource, 1, 4));
        ScopeReport set = QueryRecorder.record("hibernate's own", QueryBudgetSettings.defaults()
                .withApplicationPackages(List.of("org.hibernate.orm.test.querybudget")), () ->
                org.hibernate.orm.test.querybudget.OwnerLookups.lookUpEach(dataSource, 1, 4));

        assertThat(unset.shapeFindings(FindingKind.N_PLUS_ONE)).singleElement()
                .satisfies(finding -> assertThat(finding.callSite().className()).isEqualTo(getClass().getName()));
        assertThat(set.shapeFindings(FindingKind.N_PLUS_ONE)).singleElement()
                .satisfies(finding -> assertThat(finding.callSite().toString()).startsWith(
                        "org.hibernate.orm.test.querybudget.OwnerLookups.lookUpEach(OwnerLookups.java:"));
    }

    @Test
    void withoutAnApplicationFrameTheFindingSaysWhatRanTheStatementsInstead() throws Exception {
        ScopeReport report = QueryRecorder.record("GET /orders", QueryBudgetSettings.defaults()
                .withThreadMode(ThreadMode.ALL_THREADS), () -> LazySerializer.serialize(dataSource, 1, 4));

        ShapeFinding finding = report.shapeFindings(FindingKind.N_PLUS_ONE).get(0);
        assertThat(finding.callSite()).isNull();
        assertThat(FindingRenderer.render(finding)).contains("\n  call site: unknown (no application frame on the"
                + " stack: it ran during JSON serialization (Jackson), after the request's handler returned, as a lazy"
                + " load outside the handler's transaction: open-session-in-view)\n");
        assertThat(JsonRenderer.render(finding)).contains("\"context\":\"it ran during JSON serialization (Jackson),");
    }

    @Test
    void anNPlusOneNamesTheCallSiteOfTheQueryThatLoadedItsRows() throws Exception {
        ScopeReport report = record("parents", false, () -> {
            for (Object id : loadIds(5)) {
                lookUpA(((Number) id).intValue());
            }
        });

        ShapeFinding finding = report.shapeFindings(FindingKind.N_PLUS_ONE).get(0);
        assertThat(finding.precedingCallSite()).isNotNull();
        assertThat(finding.precedingCallSite().methodName()).isEqualTo("query");
        assertThat(FindingRenderer.render(finding)).contains("\n  after:     select id from item where id <= ?\n"
                + "             at " + finding.precedingCallSite() + "\n");
    }

    @Test
    void aFindingsFingerprintIsItsProblemNotItsCountsValuesOrTimings() throws Exception {
        ScopeReport five = QueryRecorder.record("GET /a", () -> {
            for (int id = 1; id <= 5; id++) {
                lookUpA(id);
            }
        });
        ScopeReport twelve = QueryRecorder.record("GET /b", () -> {
            for (int id = 8; id <= 19; id++) {
                lookUpA(id);
            }
        });
        ScopeReport elsewhere = QueryRecorder.record("GET /a", () -> OwnerLookups.lookUpEach(dataSource, 1, 5));
        ScopeReport sameHelperOtherLoop = QueryRecorder.record("GET /a", () -> {
            for (int id = 1; id <= 5; id++) {
                lookUpB(id);
            }
        });

        String fingerprint = five.shapeFindings(FindingKind.N_PLUS_ONE).get(0).fingerprint();
        assertThat(fingerprint).matches("[0-9a-f]{16}");
        assertThat(twelve.shapeFindings(FindingKind.N_PLUS_ONE).get(0).fingerprint()).isEqualTo(fingerprint);
        assertThat(elsewhere.shapeFindings(FindingKind.N_PLUS_ONE).get(0).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(sameHelperOtherLoop.shapeFindings(FindingKind.N_PLUS_ONE).get(0).fingerprint())
                .isNotEqualTo(fingerprint);
    }

    @Test
    void perSiteCountsAddUpToTheExecutionsInATestAndInARequest() throws Exception {
        for (boolean request : new boolean[] {false, true}) {
            ScopeReport report = record("interleaved", request, () -> {
                for (int id = 1; id <= 4; id++) {
                    lookUpA(id);
                    lookUpB(id + 4);
                }
            });

            List<ShapeFinding> findings = report.shapeFindings(FindingKind.N_PLUS_ONE);
            assertThat(findings).hasSize(2);
            assertThat(findings.stream().mapToLong(ShapeFinding::count).sum()).isEqualTo(8);
            if (!request) {
                assertThat(findings).extracting(ShapeFinding::count).containsExactly(4L, 4L);
            }
        }
    }

    @Test
    void sequentialLoopsAreCountedExactlyInARequestScopeToo() throws Exception {
        // Within the sampling's eager window (a shape's first sixteen repeats), per-site counts are exact; beyond it
        // they are estimates that still add up (perSiteCountsAddUpToTheExecutionsInATestAndInARequest).
        ScopeReport report = record("sequential", true, () -> {
            for (int id = 1; id <= 5; id++) {
                lookUpA(id);
            }
            for (int id = 6; id <= 9; id++) {
                lookUpB(id);
            }
        });

        assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE))
                .extracting(finding -> finding.stack().get(2).methodName() + " × " + finding.count())
                .containsExactly("lookUpA × 5", "lookUpB × 4");
    }

    @Test
    void anIdenticalStatementRepeatedAtOneSiteIsADuplicateNotAnNPlusOne() throws Exception {
        ScopeReport report = record("one site repeats", false, () -> {
            for (int id = 1; id <= 4; id++) {
                lookUpA(id);
            }
            for (int k = 0; k < 4; k++) {
                lookUpB(7);
            }
        });

        assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE)).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.count()).isEqualTo(4);
                    assertThat(finding.stack().get(2).methodName()).isEqualTo("lookUpA");
                });
        assertThat(report.shapeFindings(FindingKind.DUPLICATE)).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.count()).isEqualTo(4);
                    assertThat(finding.distinctParameterSets()).isEqualTo(1);
                    assertThat(finding.stack().get(2).methodName()).isEqualTo("lookUpB");
                    assertThat(finding.hint()).isEqualTo("run it once: keep the first result (a local variable or a"
                            + " cache) or hoist the query out of the loop");
                });
    }

    @Test
    void aDuplicateFromTwoMethodsNamesBothAndSaysToReadItOnce() throws Exception {
        for (boolean request : new boolean[] {false, true}) {
            ScopeReport report = record("two methods", request, () -> {
                showOrder(3);
                showInvoice(3);
            });

            ShapeFinding duplicate = report.shapeFindings(FindingKind.DUPLICATE).get(0);
            if (request) {
                continue; // the first execution of a shape new to the JVM carries no call site in a request
            }
            assertThat(duplicate.callSites()).extracting(site -> site.callSite().methodName() + " × " + site.count())
                    .containsExactly("showOrder × 1", "showInvoice × 1");
            assertThat(FindingRenderer.render(duplicate)).isEqualTo("""
                    Duplicate query: select ran 2 times with only 1 distinct parameter set, from 2 call sites (%s)
                      shape:     select name, id from item where id = ?
                      call site: %s × 1
                                 %s × 1
                      fix:       the same row is read in several places: read it once and pass the result on, or\
                     keep it for the request (a request-scoped cache, Spring's @Cacheable, Hibernate's persistence\
                     context by loading it through the same EntityManager)
                      fingerprint: 583a7d3e66be22e9""".formatted(
                    String.format(java.util.Locale.ROOT, "%.1f ms", duplicate.totalMillis()),
                    duplicate.callSites().get(0).callSite(), duplicate.callSites().get(1).callSite()));
        }
        // Once the shape has repeated in this JVM, a request's scope samples its first execution too.
        ScopeReport warm = record("two methods", true, () -> {
            showOrder(4);
            showInvoice(4);
        });
        assertThat(warm.shapeFindings(FindingKind.DUPLICATE)).singleElement()
                .satisfies(finding -> assertThat(finding.callSites()).hasSize(2));
    }

    @Test
    void validationAndKeepAliveQueriesAreNeverFindings() throws Exception {
        ScopeReport report = QueryRecorder.record("keep-alive", () -> {
            for (int k = 0; k < 5; k++) {
                Sql.query(dataSource, "select 1");
                Sql.query(dataSource, "SELECT 1 FROM DUAL");
                Sql.query(dataSource, "VALUES 1");
            }
        });

        assertThat(report.counts().select()).isEqualTo(15);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anNPlusOneOverEveryRowOfTheStatementBeforeIsConfirmed() throws Exception {
        ScopeReport report = QueryRecorder.record("confirmed", () -> {
            for (Object id : Sql.query(dataSource, "select id from item where id <= ?", 5)) {
                lookUpA(((Number) id).intValue());
            }
        });

        ShapeFinding finding = report.shapeFindings(FindingKind.N_PLUS_ONE).get(0);
        assertThat(finding.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(finding.precedingRows()).isEqualTo(5);
        assertThat(FindingRenderer.render(finding)).contains("\n  evidence:  confirmed: the statement before returned 5"
                + " rows, then 5 of these ran, one per row\n");
    }

    @Test
    void anNPlusOneOverSomeOfTheRowsIsLikely() throws Exception {
        ScopeReport report = QueryRecorder.record("likely", () -> {
            List<Object> ids = Sql.query(dataSource, "select id from item where id <= ?", 8);
            for (Object id : ids.subList(0, 5)) {
                lookUpA(((Number) id).intValue());
            }
        });

        ShapeFinding finding = report.shapeFindings(FindingKind.N_PLUS_ONE).get(0);
        assertThat(finding.certainty()).isEqualTo(Certainty.LIKELY);
        assertThat(FindingRenderer.render(finding)).contains("\n  evidence:  likely: the statement before returned 8"
                + " rows, then 5 of these ran\n");
    }

    @Test
    void callSiteCountsOfAFindingAddUpToItsCount() throws Exception {
        ScopeReport report = QueryRecorder.record("sites", () -> {
            for (int id = 1; id <= 40; id++) {
                lookUpA(id % 3 == 0 ? 1 : id);
            }
        });

        for (ShapeFinding finding : report.findings().stream().filter(ShapeFinding.class::isInstance)
                .map(ShapeFinding.class::cast).toList()) {
            assertThat(finding.callSites().stream().mapToLong(CallSiteCount::count).sum()).isEqualTo(finding.count());
        }
    }

    private ScopeReport record(String name, boolean request, QueryRecorder.Work<SQLException> work)
            throws SQLException {
        QueryScope scope = QueryRecorder.open(name, QueryBudgetSettings.defaults());
        if (!request) {
            scope.exactCallSites(); // as the JUnit extension's scopes do
        }
        try (scope) {
            work.run();
        }
        return scope.finish();
    }

    private List<Object> loadIds(int upTo) throws SQLException {
        return Sql.query(dataSource, "select id from item where id <= ?", upTo);
    }

    private void lookUpA(int id) throws SQLException {
        Sql.query(dataSource, "select name from item where id = ?", id);
    }

    private void lookUpB(int id) throws SQLException {
        Sql.query(dataSource, "select name from item where id = ?", id);
    }

    private void showOrder(int id) throws SQLException {
        Sql.query(dataSource, "select name, id from item where id = ?", id);
    }

    private void showInvoice(int id) throws SQLException {
        Sql.query(dataSource, "select name, id from item where id = ?", id);
    }
}
