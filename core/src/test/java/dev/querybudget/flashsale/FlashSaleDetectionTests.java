package dev.querybudget.flashsale;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on real Hibernate ORM entities and a real database — H2, and PostgreSQL and MariaDB in the
 * {@code real-databases} profile: the story's N+1, its fixes, and its look-alikes, with the SQL each dialect generates.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class FlashSaleDetectionTests {

    @Parameter
    Database database;

    private static final String ORDERS_OF_CUSTOMER =
            "select po1_0.id, po1_0.customer_id from orders po1_0 where po1_0.customer_id = ?";

    @Test
    void aLazyLoadingLoopIsAnNPlusOneWhoseCallSiteIsTheLoop() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            int[] loopLine = new int[1];

            ScopeReport report = QueryRecorder.record("lazy loop", () -> sale.sessionFactory().inSession(session -> {
                List<PurchaseOrder> orders = FlashSale.ordersOfCustomer(session);
                loopLine[0] = nextLine();
                for (PurchaseOrder order : orders) { order.getItems().size(); }
            }));

            assertThat(report.findings()).hasSize(1);
            ShapeFinding finding = (ShapeFinding) report.findings().get(0);
            assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
            assertThat(finding.sql()).isEqualTo("select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity"
                    + " from order_item i1_0 where i1_0.order_id = ?");
            assertThat(finding.count()).isEqualTo(10);
            assertThat(finding.distinctParameterSets()).isEqualTo(10);
            assertThat(finding.callSite().className()).isEqualTo(FlashSaleDetectionTests.class.getName());
            assertThat(finding.callSite().fileName()).isEqualTo("FlashSaleDetectionTests.java");
            assertThat(finding.callSite().lineNumber()).isEqualTo(loopLine[0]);
            assertThat(finding.precedingShape().sql()).isEqualTo(ORDERS_OF_CUSTOMER);
            assertThat(finding.association()).isEqualTo("PurchaseOrder.items");
            assertThat(finding.hint()).contains("left join fetch p.items", "@EntityGraph(attributePaths = \"items\")",
                    "@BatchSize(size = 50) on PurchaseOrder.items", "hibernate.default_batch_fetch_size");
            assertThat(report.counts().select()).isEqualTo(11);
        }
    }

    @Test
    void theJoinFetchVersionIsClean() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("join fetch", () -> sale.sessionFactory().inSession(session -> {
                List<PurchaseOrder> orders = FlashSale.ordersWithItems(session);
                for (PurchaseOrder order : orders) { order.getItems().size(); }
                assertThat(orders).hasSize(10);
            }));

            assertThat(report.findings()).isEmpty();
            assertThat(report.counts().select()).isEqualTo(1);
        }
    }

    @Test
    void theSameLoopWithBatchFetchingIsClean() {
        try (FlashSale sale = FlashSale.seed(database, 40, Map.of("hibernate.default_batch_fetch_size", "16"))) {
            ScopeReport report = QueryRecorder.record("batch fetch", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) { order.getItems().size(); }
            }));

            assertThat(report.findings()).isEmpty();
            assertThat(report.counts().select()).isEqualTo(1 + 3); // the orders, then 40 orders' items in 16s
        }
    }

    @Test
    void aRepeatedIdenticalLookupIsADuplicateNotAnNPlusOne() {
        try (FlashSale sale = FlashSale.seed(database, 3, Map.of())) {
            ScopeReport report = QueryRecorder.record("repeated lookup", () -> sale.sessionFactory().inSession(session -> {
                for (int i = 0; i < 4; i++) {
                    session.createSelectionQuery("from Product p where p.name = :name", Product.class)
                            .setParameter("name", "product 1")
                            .getSingleResult();
                }
            }));

            assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.DUPLICATE);
            ShapeFinding duplicate = (ShapeFinding) report.findings().get(0);
            assertThat(duplicate.sql())
                    .isEqualTo("select p1_0.id, p1_0.name, p1_0.price from product p1_0 where p1_0.name = ?");
            assertThat(duplicate.count()).isEqualTo(4);
            assertThat(duplicate.distinctParameterSets()).isEqualTo(1);
            assertThat(duplicate.callSite().className()).isEqualTo(FlashSaleDetectionTests.class.getName());
        }
    }

    @Test
    void insertsOneByOneAreAnUnbatchedWrite() {
        try (FlashSale sale = FlashSale.seed(database, 1, Map.of())) {
            ScopeReport report = QueryRecorder.record("import", () -> insertProducts(sale, 100));

            assertThat(report.findings()).extracting(Finding::kind).containsExactly(FindingKind.UNBATCHED_WRITE);
            ShapeFinding write = (ShapeFinding) report.findings().get(0);
            assertThat(write.shape().type()).isEqualTo(StatementType.INSERT);
            assertThat(write.sql()).isEqualTo("insert into product(name, price, id) values (?, ?, ?)");
            assertThat(write.count()).isEqualTo(100);
            assertThat(write.hint()).contains("hibernate.jdbc.batch_size");
            assertThat(report.counts().insert()).isEqualTo(100);
            assertThat(report.counts().other()).as("sequence calls").isBetween(1L, 3L);
        }
    }

    @Test
    void theSameInsertsThroughJdbcBatchingAreClean() {
        try (FlashSale sale = FlashSale.seed(database, 1, Map.of("hibernate.jdbc.batch_size", "50"))) {
            ScopeReport report = QueryRecorder.record("batched import", () -> insertProducts(sale, 100));

            assertThat(report.findings()).isEmpty();
            assertThat(report.counts().insert()).isEqualTo(2);
            assertThat(report.counts().batches()).isEqualTo(2);
        }
    }

    @Test
    void aLoopBelowTheThresholdIsClean() {
        try (FlashSale sale = FlashSale.seed(database, 2, Map.of())) {
            ScopeReport report = QueryRecorder.record("short loop", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) { order.getItems().size(); }
            }));

            assertThat(report.findings()).isEmpty();
            assertThat(report.counts().select()).isEqualTo(3);
        }
    }

    @Test
    void lazyProductsInsideTheItemLoopAreASecondNPlusOne() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("nested lazy loops", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) {
                    for (OrderItem item : order.getItems()) { item.getProduct().getName(); }
                }
            }));

            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE)).extracting(ShapeFinding::sql).containsExactly(
                    "select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0"
                            + " where i1_0.order_id = ?",
                    "select p1_0.id, p1_0.name, p1_0.price from product p1_0 where p1_0.id = ?");
            // five products: each loads once, then the persistence context holds it
            assertThat(report.findings(FindingKind.N_PLUS_ONE).get(1).count()).isEqualTo(5);
        }
    }

    private static void insertProducts(FlashSale sale, int count) {
        sale.sessionFactory().inTransaction(session -> {
            for (int i = 0; i < count; i++) {
                session.persist(new Product("imported " + i, BigDecimal.ONE));
            }
        });
    }

    /** The line after the caller's. */
    static int nextLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber() + 1;
    }
}
