package dev.querybudget.report;

import dev.querybudget.QueryCounts;
import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The human report, word for word: its wording is API. */
class FindingRendererTests {

    @Test
    void anNPlusOneNamesTheShapeTheCountTheCallSiteTheStatementBeforeAndTheFix() {
        assertThat(FindingRenderer.render(ReportFixtures.nPlusOne())).isEqualTo("""
                N+1 query: select ran 500 times from one call site with 500 distinct parameter sets (153.3 ms)
                  shape:     select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?
                  loads:     PurchaseOrder.items
                  evidence:  confirmed: the statement before returned 500 rows, then 500 of these ran, one per row
                  call site: com.example.OrderService.listOrders(OrderService.java:42)
                             via com.example.OrderController.orders(OrderController.java:17)
                  after:     select o1_0.id from orders o1_0 where o1_0.customer_id = ?
                             at com.example.OrderController.orders(OrderController.java:17)
                  fix:       load the association with the query before the loop (JOIN FETCH or @EntityGraph), \
                or batch the lazy loads (@BatchSize, or hibernate.default_batch_fetch_size)
                  fingerprint: 04ce3ffe5e8e036f""");
    }

    @Test
    void aBudgetFindingListsTheShapesThatRanMost() {
        assertThat(FindingRenderer.render(ReportFixtures.budget())).isEqualTo("""
                Over query budget: 501 select statements ran, the budget allows 10
                  ran most:
                      500 × select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?
                            at com.example.OrderService.listOrders(OrderService.java:42)
                    1 statement of shapes that ran once each, not listed
                  fix:       cut the statements the code runs (see the shapes that ran most), or raise the budget \
                if the work really needs them
                  fingerprint: bc42e04a2e27c12b""");
    }

    @Test
    void aDuplicateFromTwoCallSitesNamesEach() {
        assertThat(FindingRenderer.render(ReportFixtures.duplicateFromTwoSites())).isEqualTo("""
                Duplicate query: select ran 2 times with only 1 distinct parameter set, from 2 call sites (1.5 ms)
                  shape:     select o1_0.id from orders o1_0 where o1_0.customer_id = ?
                  call site: com.example.OrderController.orders(OrderController.java:17) × 1
                             com.example.OrderService.listOrders(OrderService.java:42) × 1
                  fix:       read it once
                  fingerprint: 33cb0daba37dd698""");
    }

    @Test
    void aScopeReportOpensWithItsCountsAndNumbersItsFindings() {
        ScopeReport report = new ScopeReport("GET /orders", new QueryCounts(501, 0, 0, 0, 0, 0, 0), List.of(),
                List.of(ReportFixtures.budget(), ReportFixtures.nPlusOne()), 0, java.util.Map.of());

        String text = FindingRenderer.render(report);

        assertThat(text).startsWith("""
                QueryBudget: 2 findings in "GET /orders": 501 statements (501 select, 0 insert, 0 update, 0 delete, \
                0 other)

                1. Over query budget: 501 select statements ran, the budget allows 10
                """);
        assertThat(text).contains("\n\n2. N+1 query: select ran 500 times");
    }

    @Test
    void aCleanScopeSaysSo() {
        ScopeReport report = new ScopeReport("GET /orders/{id}", new QueryCounts(1, 0, 0, 0, 0, 0, 0), List.of(),
                List.of(), 0, java.util.Map.of());

        assertThat(report.format())
                .isEqualTo("QueryBudget: no findings in \"GET /orders/{id}\": 1 statement (1 select, 0 insert, 0 update,"
                        + " 0 delete, 0 other)");
    }
}
