package com.example.shop;

import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's test: the fixed listing stays within one query. */
@SpringBootTest
class PurchasesTests {

    @Autowired
    Purchases purchases;

    @Test
    @QueryBudget(max = 1)
    void theFetchedListingRunsOneQuery() {
        assertThat(purchases.countLinesFetched()).isEqualTo(8);
    }
}
