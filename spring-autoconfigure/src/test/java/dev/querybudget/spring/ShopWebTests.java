package dev.querybudget.spring;

import com.example.shop.ShopApplication;
import dev.querybudget.meter.MeterListing;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a real Spring Boot application over real HTTP, with the count header on: a scope per request
 * through core's lifecycle — a request that throws, a 404, async answers — the meter schema with bounded tags, the
 * actuator endpoint, the log and the application's own sink.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1",
                "management.endpoints.web.exposure.include=prometheus,querybudget",
                "management.prometheus.metrics.export.enabled=true",
                "querybudget.response-header.enabled=true"})
@ExtendWith(OutputCaptureExtension.class)
class ShopWebTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ShopApplication.RecentRequests recentRequests;

    @Test
    void theNPlusOneEndpointIsReportedAndCountedUnderItsRouteTemplate() throws Exception {
        List<String> before = MeterListing.of(registry);
        HttpResponse<String> nPlusOne = get("/customers/1/orders");
        HttpResponse<String> joined = get("/customers/1/orders-joined");

        assertThat(nPlusOne.headers().firstValue("X-Query-Count")).hasValue("13");
        assertThat(joined.headers().firstValue("X-Query-Count")).hasValue("1");
        assertThat(MeterListing.added(before, MeterListing.of(registry))).containsExactly(
                "querybudget.findings{kind=N_PLUS_ONE,method=GET,uri=/customers/{customerId}/orders} count +1",
                "querybudget.findings{kind=QUERY_BUDGET,method=GET,uri=/customers/{customerId}/orders} count +1",
                "querybudget.request.queries{method=GET,outcome=SUCCESS,uri=/customers/{customerId}/orders-joined}"
                        + " count +1 total +1",
                "querybudget.request.queries{method=GET,outcome=SUCCESS,uri=/customers/{customerId}/orders}"
                        + " count +1 total +13");

        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("# HELP querybudget_findings_total QueryBudget findings in HTTP requests, by kind",
                        "# HELP querybudget_request_queries Statements per HTTP request")
                .containsPattern("\nquerybudget_findings_total\\{kind=\"N_PLUS_ONE\",method=\"GET\","
                        + "uri=\"/customers/\\{customerId}/orders\"} \\d+\\.0\n")
                .containsPattern("\nquerybudget_request_queries_count\\{method=\"GET\",outcome=\"SUCCESS\","
                        + "uri=\"/customers/\\{customerId}/orders\"} \\d+\n");

        String endpoint = get("/actuator/querybudget").body();
        assertThat(endpoint).contains("\"scope\":\"GET /customers/{customerId}/orders\",\"status\":200,"
                        + "\"outcome\":\"SUCCESS\",\"kind\":\"N_PLUS_ONE\","
                        + "\"sql\":\"select product, quantity from order_item where order_id = ?\",\"count\":12,")
                .as("the other tests of this application run the shape too").containsPattern("\\{\"sql\":"
                        + "\"select product, quantity from order_item where order_id = \\?\",\"executions\":\\d+}");
    }

    @Test
    void anNPlusOneFannedOutToTheTaskExecutorCountsInTheRequestThatStartedIt() throws Exception {
        assertThat(get("/customers/1/orders-fanned-out").headers().firstValue("X-Query-Count")).hasValue("13");
        assertThat(recentRequests.lines()).contains("\"GET /customers/{customerId}/orders-fanned-out\" method=GET"
                + " uri=/customers/{customerId}/orders-fanned-out status=200 outcome=SUCCESS exception=null"
                + " statements=13 findings=[QUERY_BUDGET, N_PLUS_ONE]");
    }

    @Test
    void everyMeterHasTheSchemasNameTagKeysTypeUnitAndDescription() throws Exception {
        get("/customers/1/orders");
        send("GET", "/no/such/page");

        assertThat(MeterListing.of(registry)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches(MeterListing.SCHEMA_LINE));
    }

    @Test
    void aRequestThatThrowsAfterAnNPlusOneIsLoggedCountedAndKeptAndTheClientStillGetsA500(CapturedOutput output)
            throws Exception {
        List<String> before = MeterListing.of(registry);

        assertThat(send("GET", "/customers/1/orders-then-fail").statusCode()).isEqualTo(500);

        String request = "\"GET /customers/{customerId}/orders-then-fail\" method=GET"
                + " uri=/customers/{customerId}/orders-then-fail status=500 outcome=SERVER_ERROR"
                + " exception=java.lang.IllegalStateException statements=13 findings=[QUERY_BUDGET, N_PLUS_ONE]";
        assertThat(recentRequests.lines()).containsOnlyOnce(request);
        assertThat(MeterListing.added(before, MeterListing.of(registry))).containsExactly(
                "querybudget.findings{kind=N_PLUS_ONE,method=GET,uri=/customers/{customerId}/orders-then-fail}"
                        + " count +1",
                "querybudget.findings{kind=QUERY_BUDGET,method=GET,uri=/customers/{customerId}/orders-then-fail}"
                        + " count +1",
                "querybudget.request.queries{method=GET,outcome=SERVER_ERROR,"
                        + "uri=/customers/{customerId}/orders-then-fail} count +1 total +13");
        assertThat(get("/actuator/querybudget").body()).contains("\"scope\":\"GET /customers/{customerId}/orders-then-fail\","
                + "\"status\":500,\"outcome\":\"SERVER_ERROR\",\"exception\":\"java.lang.IllegalStateException\","
                + "\"kind\":\"N_PLUS_ONE\"");
        assertThat(output.getOut().lines().filter(line -> line.contains("QueryBudget: 2 findings in"
                + " \"GET /customers/{customerId}/orders-then-fail\": 13 statements (13 select, 0 insert, 0 update,"
                + " 0 delete, 0 other)"))).singleElement().asString().contains(" INFO ", "dev.querybudget");
    }

    @Test
    void aPathNoRouteMatchesIsCountedOnceEachAsNotFoundThroughItsErrorPage() throws Exception {
        List<String> before = MeterListing.of(registry);

        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/no/such/page-" + i).statusCode()).isEqualTo(404);
        }

        assertThat(MeterListing.added(before, MeterListing.of(registry))).containsExactly(
                "querybudget.request.queries{method=GET,outcome=CLIENT_ERROR,uri=NOT_FOUND} count +10 total +0");
    }

    @Test
    void callableAndDeferredResultAnswersKeepTheirBodyWordForWordAndCarryTheCountHeader() throws Exception {
        for (String endpoint : List.of("orders-callable", "orders-deferred")) {
            HttpResponse<String> response = get("/customers/1/" + endpoint);

            assertThat(response.body()).isEqualTo(lazyOrdersJson());
            assertThat(response.headers().firstValue("X-Query-Count")).as("the orders, then the items as they are"
                    + " written in the async dispatch").hasValue("13");
            assertThat(recentRequests.lines()).containsOnlyOnce("\"GET /customers/{customerId}/" + endpoint
                    + "\" method=GET uri=/customers/{customerId}/" + endpoint + " status=200 outcome=SUCCESS"
                    + " exception=null statements=13 findings=[QUERY_BUDGET, N_PLUS_ONE]");
        }
    }

    @Test
    void randomMethodsAndPathsKeepTheSeriesToAFixedHandful() throws Exception {
        Random random = new Random(15);
        for (int i = 0; i < 100; i++) {
            send(randomMethod(random, i), randomPath(random, i));
        }
        Set<String> afterFirst = MeterListing.counts(MeterListing.of(registry)).keySet();
        for (int i = 0; i < 100; i++) {
            send(randomMethod(random, i), randomPath(random, i));
        }
        Set<String> afterSecond = MeterListing.counts(MeterListing.of(registry)).keySet();

        assertThat(afterSecond).as("the second hundred adds no series").isEqualTo(afterFirst)
                .hasSizeLessThanOrEqualTo(33).allSatisfy(id -> assertThat(id)
                        .matches(".*method=(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|OTHER).*")
                        .matches(".*uri=(NOT_FOUND|UNKNOWN|REDIRECTION|root|/customers/\\{customerId}/[a-z-]+)}"));
    }

    /** The JSON of customer 1's twelve orders with their two items each, as the async endpoints write it. */
    private static String lazyOrdersJson() {
        return IntStream.rangeClosed(1, 12).mapToObj(order -> "{\"id\":" + order + ",\"items\":["
                        + "{\"PRODUCT\":\"product " + (2 * order - 1) + "\",\"QUANTITY\":1},"
                        + "{\"PRODUCT\":\"product " + (2 * order) + "\",\"QUANTITY\":1}]}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A standard method, or a made-up one of random letters. */
    private static String randomMethod(Random random, int i) {
        String[] methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
        return i % 3 == 0 ? "X" + Long.toString(Math.abs(random.nextLong()), 36).replaceAll("[0-9]", "")
                .toUpperCase(java.util.Locale.ROOT) : methods[random.nextInt(methods.length)];
    }

    /** A path no route matches, or a route's with a word where its id goes. */
    private static String randomPath(Random random, int i) {
        String word = Long.toString(Math.abs(random.nextLong()), 36).replaceAll("[0-9]", "q");
        return i % 2 == 0 ? "/" + word + "/" + word : "/customers/" + word + "/orders";
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
