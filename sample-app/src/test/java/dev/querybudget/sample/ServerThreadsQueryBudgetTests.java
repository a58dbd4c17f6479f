package dev.querybudget.sample;

import dev.querybudget.junit.QueryBudget;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A {@code @SpringBootTest} with a web server on a random port: the server runs the request on its own threads, and
 * {@code @QueryBudget} counts them without {@code threads = ALL} — the N+1 the server ran fails the test that sent the
 * request. Run through the JUnit engine, as a user's build would run such tests.
 */
class ServerThreadsQueryBudgetTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"sample.seed.orders=12", "management.server.port=0"})
    static class OverHttp {

        @Value("${local.server.port}")
        int port;

        @Test
        @QueryBudget
        void theLazyEndpoint() throws Exception {
            assertThat(get(port, "/users/1/orders")).isEqualTo(200);
        }

        @Test
        @QueryBudget
        void theFetchedEndpoint() throws Exception {
            assertThat(get(port, "/users/1/orders/fetched")).isEqualTo(200);
        }

        @Test
        @QueryBudget(threads = QueryBudget.Threads.TEST)
        void theLazyEndpointCountingTheTestsThreadOnly() throws Exception {
            assertThat(get(port, "/users/1/orders")).isEqualTo(200);
        }
    }

    @Test
    void theServersStatementsCountForTheTestThatSentTheRequest() {
        Map<String, String> outcomes = new TreeMap<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(OverHttp.class)).execute().testEvents()
                .finished().stream().forEach(event -> outcomes.put(name(event), outcome(event)));

        assertThat(outcomes.get("theFetchedEndpoint")).isEqualTo("passed");
        assertThat(outcomes.get("theLazyEndpointCountingTheTestsThreadOnly")).isEqualTo("passed");
        assertThat(outcomes.get("theLazyEndpoint"))
                .contains("N+1 query: select ran 12 times from one call site with 12 distinct parameter sets")
                .contains("\n  loads:     PurchaseOrder.items\n")
                .contains("\n  call site: dev.querybudget.sample.OrderService.ordersWithLazyItems(OrderService.java:");
    }

    private static int get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String name(Event event) {
        String legacy = event.getTestDescriptor().getLegacyReportingName();
        return legacy.endsWith("()") ? legacy.substring(0, legacy.length() - 2) : legacy;
    }

    private static String outcome(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("passed");
    }
}
