package com.example.shop;

import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The test that must fail: an N+1 under {@code @QueryBudget} in a {@code @SpringBootTest}, run as a nested fixture
 * through the JUnit Platform so that its failure, and the message a user reads, is what this test checks.
 */
class NPlusOneFailsTests {

    @Test
    void anNPlusOneFailsTheTestWithAMessageThatSaysWhatToDo() {
        Events failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ShopTestCases.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).failed(1))
                .failed();

        Throwable failure = failed.list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure.getClass().getName()).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(failure.getMessage().replaceAll("\\(\\d+\\.\\d ms\\)", "(… ms)")).isEqualTo(String.join("\n",
                "QueryBudget: 1 finding in \"ShopTestCases.countsLinesLazily\": 5 statements (5 select, 0 insert,"
                        + " 0 update, 0 delete, 0 other)",
                "",
                "1. N+1 query: select ran 4 times from one call site with 4 distinct parameter sets (… ms)",
                "  shape:     select l1_0.purchase_id, l1_0.id, l1_0.sku from line l1_0 where l1_0.purchase_id = ?"
                        + " order by l1_0.id",
                "  loads:     Purchase.lines",
                "  evidence:  confirmed: the statement before returned 4 rows, then 4 of these ran, one per row",
                "  call site: com.example.shop.Purchases.countLinesLazily(Purchases.java:20)",
                "             via com.example.shop.NPlusOneFailsTests$ShopTestCases.countsLinesLazily"
                        + "(NPlusOneFailsTests.java:64)",
                "             via com.example.shop.NPlusOneFailsTests.anNPlusOneFailsTheTestWithAMessageThatSaysWhatToDo"
                        + "(NPlusOneFailsTests.java:23)",
                "  after:     select p1_0.id from purchase p1_0 order by p1_0.id",
                "             at com.example.shop.Purchases.countLinesLazily(Purchases.java:19)",
                "  fix:       fetch Purchase.lines (a lazy @OneToMany) with the query that loads the Purchase rows"
                        + " (left join fetch p.lines in JPQL, or @EntityGraph(attributePaths = \"lines\") on the"
                        + " repository method), or batch the loads with @BatchSize(size = 50) on Purchase.lines (or"
                        + " hibernate.default_batch_fetch_size)",
                "  fingerprint: a76a9d16cac82a42"));
    }

    /** Run only through {@link EngineTestKit} above: Surefire leaves nested classes alone. */
    @SpringBootTest(classes = ShopApplication.class)
    static class ShopTestCases {

        @Autowired
        Purchases purchases;

        @Test
        @QueryBudget
        void countsLinesLazily() {
            assertThat(purchases.countLinesLazily()).isEqualTo(8);
        }
    }
}
