package dev.querybudget.internal.hibernate;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeFinding;
import dev.querybudget.depot.Depot;
import dev.querybudget.depot.Depots;
import dev.querybudget.depot.Shipment;
import dev.querybudget.depot.Warehouse;
import dev.querybudget.flashsale.Database;
import dev.querybudget.flashsale.FlashSale;
import dev.querybudget.flashsale.OrderItem;
import dev.querybudget.flashsale.PurchaseOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.querybudget.internal.hibernate.Association.Kind.ELEMENT_COLLECTION;
import static dev.querybudget.internal.hibernate.Association.Kind.MANY_TO_MANY;
import static dev.querybudget.internal.hibernate.Association.Kind.MANY_TO_ONE;
import static dev.querybudget.internal.hibernate.Association.Kind.ONE_TO_MANY;
import static dev.querybudget.internal.hibernate.Association.Kind.ONE_TO_ONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The association behind each N+1 that real Hibernate ORM issues on a real database (H2; PostgreSQL and MariaDB in the
 * {@code real-databases} profile), named from the shapes QueryBudget recorded. No agent here: core's
 * {@code QueryBudgetIntegrator} registered each SessionFactory as Hibernate built it.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class HibernateAttributionTests {

    private static final String FLASH_SALE = "dev.querybudget.flashsale.";
    private static final String DEPOT = "dev.querybudget.depot.";

    @Parameter
    Database database;

    @Test
    void aLazyOneToManyLoadedPerOrderIsPurchaseOrderItems() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("lazy items", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) { order.getItems().size(); }
            }));

            Association items = new Association(FLASH_SALE + "PurchaseOrder", "items", ONE_TO_MANY, false,
                    FLASH_SALE + "OrderItem");
            assertThat(attributions(report)).containsExactly(items);
            assertThat(items.label()).isEqualTo("PurchaseOrder.items");
        }
    }

    @Test
    void aLazyManyToOneLoadedPerItemIsOrderItemProduct() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("lazy products", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) {
                    for (OrderItem item : order.getItems()) { item.getProduct().getName(); }
                }
            }));

            assertThat(attributions(report)).containsExactly(
                    new Association(FLASH_SALE + "PurchaseOrder", "items", ONE_TO_MANY, false, FLASH_SALE + "OrderItem"),
                    new Association(FLASH_SALE + "OrderItem", "product", MANY_TO_ONE, false, FLASH_SALE + "Product"));
        }
    }

    @Test
    void aManyToManyLoadedThroughItsJoinTableIsDepotTags() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("tags", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : depots(session)) { depot.getTags().size(); }
            }));

            assertThat(attributions(report)).containsExactly(
                    new Association(DEPOT + "Depot", "tags", MANY_TO_MANY, false, DEPOT + "Tag"));
            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql()).contains(" join tag ");
        }
    }

    @Test
    void anElementCollectionIsDepotLabels() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("labels", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : depots(session)) { depot.getLabels().size(); }
            }));

            assertThat(attributions(report)).containsExactly(
                    new Association(DEPOT + "Depot", "labels", ELEMENT_COLLECTION, false, null));
        }
    }

    @Test
    void anEagerManyToOneLoadedPerRowAfterAQueryIsShipmentCarrier() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("shipments", () -> depots.sessionFactory().inSession(session ->
                    session.createSelectionQuery("from Shipment", Shipment.class).getResultList()));

            assertThat(attributions(report)).containsExactly(
                    new Association(DEPOT + "Shipment", "carrier", MANY_TO_ONE, true, DEPOT + "Carrier"));
            // the carrier's own EAGER country, joined into the same statement
            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql()).contains(" left join country ");
        }
    }

    @Test
    void theInverseSideOfAOneToOneIsLoadedByTheOwnersForeignKey() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("warehouses", () -> depots.sessionFactory().inSession(session ->
                    session.createSelectionQuery("from Warehouse", Warehouse.class).getResultList()));

            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql())
                    .endsWith(" from permit p1_0 where p1_0.warehouse_id = ?");
            assertThat(attributions(report)).containsExactly(
                    new Association(DEPOT + "Warehouse", "permit", ONE_TO_ONE, true, DEPOT + "Permit"));
        }
    }

    @Test
    void ofTwoToOnesThatTargetTheSameEntityThePrecedingQueryPicksOne() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("carriers", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : depots(session)) { depot.getCarrier().getName(); }
            }));

            assertThat(attributions(report)).containsExactly(
                    new Association(DEPOT + "Depot", "carrier", MANY_TO_ONE, false, DEPOT + "Carrier"));
        }
    }

    @Test
    void whenThePrecedingQueryDoesNotTellTwoToOnesApartThereIsNoGuess() {
        try (Depots depots = Depots.seed(database, 10, Map.of())) {
            ScopeReport report = QueryRecorder.record("carriers", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : depots(session)) { depot.getCarrier().getName(); }
            }));
            String carrierLoad = report.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql();

            assertThat(HibernateMappings.associationFor(carrierLoad, null)).isNull();
            assertThat(HibernateMappings.associationFor(carrierLoad, "select t1_0.id, t1_0.name from tag t1_0")).isNull();
            assertThat(HibernateMappings.associationFor(carrierLoad,
                    "select d1_0.id from depot d1_0 join shipment s1_0 on s1_0.carrier_id = d1_0.carrier_id")).isNull();
        }
    }

    @Test
    void quotedIdentifiersAreNamedAlike() {
        try (FlashSale sale = FlashSale.seed(database, 10, Map.of("hibernate.globally_quoted_identifiers", "true"))) {
            ScopeReport report = QueryRecorder.record("quoted", () -> sale.sessionFactory().inSession(session -> {
                for (PurchaseOrder order : FlashSale.ordersOfCustomer(session)) {
                    for (OrderItem item : order.getItems()) { item.getProduct().getName(); }
                }
            }));

            assertThat(report.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql())
                    .containsAnyOf("\"order_item\"", "`order_item`");
            assertThat(attributions(report)).containsExactly(
                    new Association(FLASH_SALE + "PurchaseOrder", "items", ONE_TO_MANY, false, FLASH_SALE + "OrderItem"),
                    new Association(FLASH_SALE + "OrderItem", "product", MANY_TO_ONE, false, FLASH_SALE + "Product"));
        }
    }

    @Test
    void schemaQualifiedTablesAreNamedAlike() {
        try (Depots depots = Depots.seedQualified(database, 10)) {
            ScopeReport tags = QueryRecorder.record("qualified tags", () -> depots.sessionFactory().inSession(session -> {
                for (Depot depot : depots(session)) { depot.getTags().size(); }
            }));
            ScopeReport carriers = QueryRecorder.record("qualified carriers", () -> depots.sessionFactory().inSession(
                    session -> {
                        for (Depot depot : depots(session)) { depot.getCarrier().getName(); }
                    }));

            assertThat(tags.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql()).contains(".depot_tag ");
            assertThat(attributions(tags)).containsExactly(
                    new Association(DEPOT + "Depot", "tags", MANY_TO_MANY, false, DEPOT + "Tag"));
            assertThat(carriers.shapeFindings(FindingKind.N_PLUS_ONE).get(0).sql()).contains(".carrier ");
            assertThat(attributions(carriers)).containsExactly(
                    new Association(DEPOT + "Depot", "carrier", MANY_TO_ONE, false, DEPOT + "Carrier"));
        }
    }

    private static List<Depot> depots(org.hibernate.Session session) {
        return session.createSelectionQuery("from Depot d order by d.id", Depot.class).getResultList();
    }

    /** What each N+1 of the report loaded, in the report's order (null where nothing explains it). */
    private static List<Association> attributions(ScopeReport report) {
        List<ShapeFinding> findings = report.shapeFindings(FindingKind.N_PLUS_ONE);
        assertThat(findings).isNotEmpty();
        return findings.stream().map(finding -> HibernateMappings.associationFor(finding.sql(),
                finding.precedingShape() == null ? null : finding.precedingShape().sql())).toList();
    }
}
