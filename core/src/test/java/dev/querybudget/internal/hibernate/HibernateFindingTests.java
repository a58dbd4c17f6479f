package dev.querybudget.internal.hibernate;

import dev.querybudget.Certainty;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.depot.Depot;
import dev.querybudget.depot.Depots;
import dev.querybudget.depot.Shipment;
import dev.querybudget.flashsale.Database;
import dev.querybudget.flashsale.FlashSale;
import dev.querybudget.flashsale.OrderItem;
import dev.querybudget.flashsale.PurchaseOrder;
import dev.querybudget.report.FindingRenderer;
import dev.querybudget.report.JsonRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an N+1 that Hibernate ORM issued says, word for word: the association it loaded, the evidence, and the fix
 * for that association. Real Hibernate on H2 (PostgreSQL and MariaDB in the {@code real-databases} profile).
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class HibernateFindingTests {

    @Parameter
    Database database;

    @Test
    void aLazyOneToManyNamesPurchaseOrderItemsConfirmedWithItsFix() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("lazy items", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) {
                    order.getItems().size();
                }
            }));

            ShapeFinding items = nPlusOnes(report).get(0);
            assertThat(items.association()).isEqualTo("PurchaseOrder.items");
            assertThat(items.certainty()).isEqualTo(Certainty.CONFIRMED);
            assertThat(FindingRenderer.render(items)).contains("""
                      loads:     PurchaseOrder.items
                      evidence:  confirmed: the statement before returned 10 rows, then 10 of these ran, one per row
                    """).contains("""
                      fix:       fetch PurchaseOrder.items (a lazy @OneToMany) with the query that loads the \
                    PurchaseOrder rows (left join fetch p.items in JPQL, or @EntityGraph(attributePaths = "items") on \
                    the repository method), or batch the loads with @BatchSize(size = 50) on PurchaseOrder.items (or \
                    hibernate.default_batch_fetch_size)""");
            assertThat(JsonRenderer.render(items)).contains("\"association\":\"PurchaseOrder.items\"",
                    "\"certainty\":\"confirmed\"");
        }
    }

    @Test
    void aLazyManyToOneNamesOrderItemProductWithTheBatchSizeOnTheTargetClass() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("lazy products", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) {
                    for (OrderItem item : order.getItems()) {
                        item.getProduct().getName();
                    }
                }
            }));

            ShapeFinding products = nPlusOnes(report).stream()
                    .filter(finding -> "OrderItem.product".equals(finding.association())).findFirst().orElseThrow();
            assertThat(FindingRenderer.render(products)).contains("\n  loads:     OrderItem.product\n").contains("""
                      fix:       fetch OrderItem.product (a lazy @ManyToOne) with the query that loads the OrderItem \
                    rows (join fetch o.product in JPQL, or @EntityGraph(attributePaths = "product") on the repository \
                    method), or batch the Product proxies with @BatchSize(size = 50) on the Product class (or \
                    hibernate.default_batch_fetch_size)""");
        }
    }

    @Test
    void aManyToManyNamesDepotTags() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("tags", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : session.createSelectionQuery("from Depot d order by d.id", Depot.class)
                        .getResultList()) {
                    depot.getTags().size();
                }
            }));

            ShapeFinding tags = nPlusOnes(report).get(0);
            assertThat(tags.association()).isEqualTo("Depot.tags");
            assertThat(FindingRenderer.render(tags)).contains("""
                      fix:       fetch Depot.tags (a lazy @ManyToMany) with the query that loads the Depot rows \
                    (left join fetch d.tags in JPQL, or @EntityGraph(attributePaths = "tags") on the repository \
                    method), or batch the loads with @BatchSize(size = 50) on Depot.tags (or \
                    hibernate.default_batch_fetch_size)""");
        }
    }

    @Test
    void anEagerManyToOneLoadedPerRowSaysItIsEagerAndHowToFetchIt() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("shipments", () -> depots.sessionFactory().inSession(session ->
                    session.createSelectionQuery("from Shipment", Shipment.class).getResultList()));

            ShapeFinding carrier = nPlusOnes(report).get(0);
            assertThat(carrier.association()).isEqualTo("Shipment.carrier");
            assertThat(FindingRenderer.render(carrier)).contains("""
                      fix:       Shipment.carrier (an EAGER @ManyToOne) is loaded with one select per Shipment after \
                    the query: fetch it in that query (join fetch s.carrier in JPQL, or \
                    @EntityGraph(attributePaths = "carrier") on the repository method), or make it \
                    @ManyToOne(fetch = FetchType.LAZY) and fetch it where it is used""");
        }
    }

    private static List<ShapeFinding> nPlusOnes(ScopeReport report) {
        return report.shapeFindings(FindingKind.N_PLUS_ONE);
    }
}
