package dev.querybudget.sample;

import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static dev.querybudget.junit.QueryAssertions.assertThatQueries;
import static org.assertj.core.api.Assertions.assertThat;

/** The sample application's own tests, written as a user of QueryBudget would. */
@SpringBootTest(properties = "sample.seed.orders=40")
class FlashSaleQueryBudgetTests {

    @Autowired
    OrderService orders;

    @Autowired
    CatalogService catalog;

    @Test
    @QueryBudget(max = 1)
    void theFetchedListingRunsOneQuery() {
        assertThat(orders.ordersFetched(1)).hasSize(40);
    }

    @Test
    @QueryBudget(max = 1)
    void theEntityGraphListingRunsOneQuery() {
        assertThat(orders.ordersWithEntityGraph(1)).hasSize(40);
    }

    @Test
    @QueryBudget(max = 2)
    void theBatchedListingRunsTheOrdersAndOneBatchOfItems() {
        assertThat(orders.ordersBatched(1)).hasSize(40).allSatisfy(order -> assertThat(order.items()).hasSize(3));
    }

    @Test
    void theLazyListingIsAnNPlusOneOnItemsAndProducts() {
        assertThatQueries(() -> orders.ordersWithLazyItems(1))
                .hasSelectCount(1 + 40 + 50)
                .hasNPlusOneOn("select i1_0.order_id, i1_0.id, i1_0.product_id, i1_0.quantity from order_item i1_0"
                        + " where i1_0.order_id = ? order by i1_0.id")
                .hasNPlusOneOn("select p1_0.id, p1_0.featured, p1_0.name, p1_0.price from product p1_0"
                        + " where p1_0.id = ?");
    }

    @Test
    void theFeaturedPageAsksForTheSameProductsFourTimesAndTheFixAsksOnce() {
        assertThatQueries(() -> catalog.featuredPage()).hasSelectCount(4).hasNoNPlusOne();
        assertThatQueries(() -> catalog.featuredPageOnce()).hasSelectCount(1).hasNoDuplicates();
    }

    @Test
    @QueryBudget(insert = 1)
    void theBatchedImportIsOneRoundTrip() {
        assertThat(catalog.importProducts(25, true)).isEqualTo(25);
    }
}
