package dev.querybudget.sample;

import dev.querybudget.junit.QuerySnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The snapshot example: the statements each test runs are kept in {@code FlashSaleSnapshotTests.queries} beside this
 * file; a change that adds a query or runs one more often fails here, with the diff.
 */
@QuerySnapshot
@SpringBootTest(properties = "sample.seed.orders=40")
class FlashSaleSnapshotTests {

    @Autowired
    OrderService orders;

    @Test
    void fetchedListing() {
        orders.ordersFetched(1);
    }

    @Test
    void batchedListing() {
        orders.ordersBatched(1);
    }
}
