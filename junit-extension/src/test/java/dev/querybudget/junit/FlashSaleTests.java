package dev.querybudget.junit;

// tag::readme-junit[]
import dev.querybudget.flashsale.FlashSale;
import dev.querybudget.flashsale.PurchaseOrder;
import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;

import static dev.querybudget.junit.QueryAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThat;

// end::readme-junit[]
// tag::readme-scaling[]
import static dev.querybudget.junit.QueryAssertions.assertThatQueryScaling;

// end::readme-scaling[]
import dev.querybudget.flashsale.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.querybudget.junit.EngineResults.outcomes;
import static dev.querybudget.junit.EngineResults.run;

/**
 * The flash sale on real Hibernate ORM and a real database (H2; PostgreSQL and MariaDB in the {@code real-databases}
 * profile), tested as a user would: this class's own tests pass, and {@link FlashSaleTestCases} — the same code with
 * its N+1 — fails where it should, run on the real engine.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.querybudget.flashsale.Database#selected")
class FlashSaleTests {

    /** The database the fixture class runs on: set by the test that runs it. */
    static volatile Database fixtureDatabase = Database.H2;

    @Parameter
    Database database;

    private FlashSale sale;

    @BeforeEach
    void seed() {
        sale = FlashSale.seed(database, 20, Map.of());
    }

    @AfterEach
    void close() {
        sale.close();
    }

    // tag::readme-junit[]
    @Test
    @QueryBudget(max = 1)
    void listsTheOrdersWithTheirItemsInOneQuery() {
        sale.sessionFactory().inSession(session -> {
            for (PurchaseOrder order : FlashSale.ordersWithItems(session)) {
                assertThat(order.getItems()).hasSize(3);
            }
        });
    }

    @Test
    void walkingLazyItemsIsAnNPlusOne() {
        assertThatQueries(() -> sale.sessionFactory().inSession(session -> walkLazyItems(session, 1)))
                .hasSelectCount(21)
                .hasNPlusOneOn("select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity"
                        + " from order_item i1_0 where i1_0.order_id = ?");
    }
    // end::readme-junit[]

    @Test
    void theJoinFetchListingScales() {
        // tag::readme-scaling[]
        assertThatQueryScaling(sale::customerWithOrders,          // builds a fixture of a size: not counted
                customer -> listOrders(customer))                   // counted
                .doesNotGrowBetween(2, 6);
        // end::readme-scaling[]
    }

    private void listOrders(long customerId) {
        sale.sessionFactory().inSession(session -> FlashSale.ordersWithItems(session, customerId));
    }

    static int walkLazyItems(org.hibernate.Session session, long customerId) {
        int items = 0;
        List<PurchaseOrder> orders = FlashSale.ordersOfCustomer(session, customerId);
        for (PurchaseOrder order : orders) {
            items += order.getItems().size();
        }
        return items;
    }

    /** The user's failing tests: what the N+1 version of the code gets. */
    static class FlashSaleTestCases {

        private static FlashSale sale;

        @BeforeAll
        static void seed() {
            sale = FlashSale.seed(fixtureDatabase, 10, Map.of());
        }

        @AfterAll
        static void close() {
            sale.close();
        }

        @Test
        @QueryBudget
        void listsOrdersWalkingLazyItems() {
            sale.sessionFactory().inSession(session -> walkLazyItems(session, FlashSale.CUSTOMER_ID));
        }

        @Test
        @QueryBudget(max = 1)
        void listsOrdersWithJoinFetch() {
            sale.sessionFactory().inSession(session -> FlashSale.ordersWithItems(session));
        }

        @Test
        @QueryBudget(max = 5, nPlusOne = QueryBudget.Action.IGNORE)
        void listsOrdersWalkingLazyItemsOverBudget() {
            sale.sessionFactory().inSession(session -> walkLazyItems(session, FlashSale.CUSTOMER_ID));
        }

        @Test
        void lazyListingDoesNotScale() {
            assertThatQueryScaling(sale::customerWithOrders,
                    customer -> sale.sessionFactory().inSession(session -> walkLazyItems(session, customer)))
                    .doesNotGrowBetween(1, 2);
        }
    }

    @Test
    void theNPlusOneVersionFailsOnTheNPlusOneTheBudgetAndTheScalingCheck() {
        fixtureDatabase = database;
        Map<String, String> outcomes = outcomes(run(FlashSaleTestCases.class));

        assertThat(outcomes).containsEntry("listsOrdersWithJoinFetch", "passed").hasSize(4);
        assertThat(outcomes.get("listsOrdersWalkingLazyItems")).isEqualTo("""
                QueryBudget: 1 finding in "FlashSaleTestCases.listsOrdersWalkingLazyItems": 11 statements (11 select, \
                0 insert, 0 update, 0 delete, 0 other)

                1. N+1 query: select ran 10 times from one call site with 10 distinct parameter sets (… ms)
                  shape:     select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0 where \
                i1_0.order_id = ?
                  loads:     PurchaseOrder.items
                  evidence:  confirmed: the statement before returned 10 rows, then 10 of these ran, one per row
                  call site: dev.querybudget.junit.FlashSaleTests.walkLazyItems(FlashSaleTests.java:96)
                             via dev.querybudget.junit.FlashSaleTests$FlashSaleTestCases.lambda$listsOrdersWalkingLazyItems$0(FlashSaleTests.java:119)
                             via dev.querybudget.junit.FlashSaleTests$FlashSaleTestCases.listsOrdersWalkingLazyItems(FlashSaleTests.java:119)
                  after:     select po1_0.id, po1_0.customer_id from orders po1_0 where po1_0.customer_id = ?
                             at dev.querybudget.flashsale.FlashSale.ordersOfCustomer(FlashSale.java:83)
                  fix:       fetch PurchaseOrder.items (a lazy @OneToMany) with the query that loads the PurchaseOrder \
                rows (left join fetch p.items in JPQL, or @EntityGraph(attributePaths = "items") on the repository \
                method), or batch the loads with @BatchSize(size = 50) on PurchaseOrder.items (or \
                hibernate.default_batch_fetch_size)
                  fingerprint: 1318d1a8c3efe099""");
        assertThat(outcomes.get("listsOrdersWalkingLazyItemsOverBudget")).isEqualTo("""
                QueryBudget: 1 finding in "FlashSaleTestCases.listsOrdersWalkingLazyItemsOverBudget": 11 statements \
                (11 select, 0 insert, 0 update, 0 delete, 0 other)

                1. Over query budget: 11 statements ran, the budget allows 5
                  ran most:
                       10 × select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0 where \
                i1_0.order_id = ?
                            at dev.querybudget.junit.FlashSaleTests.walkLazyItems(FlashSaleTests.java:96)
                    1 statement of shapes that ran once each, not listed
                  fix:       cut the statements the code runs (see the shapes that ran most), or raise the budget if \
                the work really needs them
                  fingerprint: af9960c686998324""");
        assertThat(outcomes.get("lazyListingDoesNotScale")).isEqualTo("""
                Expecting the same statements for a fixture of 1 and of 2, but this shape ran more often with the \
                larger one (an N+1 grows with the data):
                      1 →     2  select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0 \
                where i1_0.order_id = ?""");
    }
}
