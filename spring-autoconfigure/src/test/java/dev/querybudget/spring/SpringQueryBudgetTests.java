package dev.querybudget.spring;

import com.example.shop.ShopApplication;
import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** {@code @QueryBudget} in Spring Boot tests picks up the starter's wrapping with no further set-up. */
class SpringQueryBudgetTests {

    /** A user's Spring Boot tests: the server runs requests on its own threads. */
    @SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.datasource.url=jdbc:h2:mem:extension;DB_CLOSE_DELAY=-1")
    static class ShopTestCases {

        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        @QueryBudget(threads = QueryBudget.Threads.ALL)
        void listingOrdersOverHttpRunsAnNPlusOne() throws Exception {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/customers/1/orders")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        @Test
        @QueryBudget(max = 1, threads = QueryBudget.Threads.ALL)
        void theJoinedListingRunsOneStatement() throws Exception {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/customers/1/orders-joined")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        @Test
        @QueryBudget(max = 2)
        void aRepositoryCallOnTheTestThread() {
            jdbc.queryForObject("select count(*) from orders", Long.class);
            jdbc.queryForObject("select count(*) from order_item", Long.class);
            jdbc.queryForObject("select max(id) from orders", Long.class);
        }
    }

    @Test
    void theExtensionSeesTheStarterWrappedDataSourceOnTheTestThreadAndOnServerThreads() {
        Map<String, String> outcomes = new TreeMap<>();
        CompletableFuture.runAsync(() -> EngineTestKit.engine("junit-jupiter").selectors(selectClass(ShopTestCases.class))
                .execute().testEvents().finished().stream().forEach(event -> {
                    TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                    outcomes.put(event.getTestDescriptor().getDisplayName(),
                            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "passed"
                                    : result.getThrowable().orElseThrow().getMessage());
                })).join();

        assertThat(outcomes).containsEntry("theJoinedListingRunsOneStatement()", "passed").hasSize(3);
        assertThat(outcomes.get("listingOrdersOverHttpRunsAnNPlusOne()"))
                .startsWith("QueryBudget: 1 finding in \"ShopTestCases.listingOrdersOverHttpRunsAnNPlusOne\": 13 statements"
                        + " (13 select, 0 insert, 0 update, 0 delete, 0 other)")
                .contains("1. N+1 query: select ran 12 times from one call site with 12 distinct parameter sets",
                        "shape:     select product, quantity from order_item where order_id = ?",
                        "call site: com.example.shop.ShopApplication$OrdersController.orders(ShopApplication.java:");
        assertThat(outcomes.get("aRepositoryCallOnTheTestThread()"))
                .contains("1. Over query budget: 3 statements ran, the budget allows 2");
    }
}
