package dev.querybudget.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios every HTTP front runs, in one forked application per front, each request once and in the same
 * order: an N+1, its fix, a duplicate, an unbatched write, a budget breach, a request that fails after an N+1, an
 * ignored route, two async endpoints, an N+1 in application code under {@code org.springframework.} (as the Spring
 * PetClinic sample's is), keep-alive queries, unknown paths (404), unknown methods, and random paths. One front runs
 * with {@code application-packages} set ({@link ForkedApp}); every front must name the same application frames. The findings (as JSON
 * Lines) and the meters must be the same, line for line, through every front: they are compared with one expected
 * file each ({@code -Dquerybudget.conformance.update=true} rewrites them from the starter's run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpConformanceTests {

    private static final Path EXPECTED = Path.of("src/test/resources/expected");
    /** What differs from run to run: when, and how long. */
    private static final Pattern RUN_SPECIFIC = Pattern.compile(
            "\"(timestamp|totalTimeMillis|traceId|spanId)\":(\"[^\"]*\"|[0-9.]+),?");

    private final Map<String, Run> runs = new LinkedHashMap<>();
    private ForkedApp app;
    private Map<String, ForkedApp.Response> responses;
    private int requestsSent;

    abstract FrontUnderTest front();

    /** What one run of the scenarios on one database gave. */
    private record Run(Map<String, ForkedApp.Response> responses, List<String> findings, List<String> meters,
                       int requestsSent) {
    }

    @BeforeAll
    void runTheScenariosOnEachDatabase() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "conformance", front().name().toLowerCase()));
        for (ConformanceDatabase database : ConformanceDatabase.selected()) {
            app = ForkedApp.start(front(), database, directory);
            try {
                runs.put(database.name(), runTheScenarios());
            } finally {
                app.close();
                app = null;
            }
        }
    }

    private Run runTheScenarios() throws Exception {
        responses = new LinkedHashMap<>();
        requestsSent = 0;
        send("GET", "/customers/1/orders");
        send("GET", "/customers/1/orders-joined");
        send("GET", "/customers/1/order-count");
        send("POST", "/imports?from=100");
        send("GET", "/report");
        send("GET", "/customers/1/failing");
        send("GET", "/health/orders");
        send("GET", "/async/customers/1/callable");
        send("GET", "/async/customers/1/deferred");
        send("GET", "/owners/1/items");
        send("GET", "/owners/ping");
        for (int k = 0; k < 20; k++) {
            send("GET", "/no/such/page/" + k + "x" + Integer.toHexString(k * 7919));
        }
        for (int k = 0; k < 10; k++) {
            send("BREW" + k, "/customers/2/orders-joined");
        }
        List<String> findings = awaitFindings();
        List<String> meters = app.meters();
        for (int attempt = 0; attempt < 50 && requestsCounted(meters) < requestsSent; attempt++) {
            Thread.sleep(100); // the last request is counted as it ends, which may be just after its response
            meters = app.meters();
        }
        return new Run(responses, findings, meters, requestsSent);
    }

    private void send(String method, String path) throws Exception {
        ForkedApp.Response response = app.send(method, path);
        responses.putIfAbsent(method + " " + path, response);
        if (!path.startsWith("/health/")) {
            requestsSent++;
        }
    }

    /** Findings are written as a request ends, which may be just after its response: wait for the last one. */
    private List<String> awaitFindings() throws Exception {
        List<String> lines = app.findings();
        for (int attempt = 0; attempt < 50 && lines.size() < expectedLines("findings.jsonl"); attempt++) {
            Thread.sleep(100);
            lines = app.findings();
        }
        return lines;
    }

    @Test
    void theApplicationAnswersAsItWouldWithoutQueryBudget() {
        runs.forEach((database, run) -> theApplicationAnswers(run.responses()));
    }

    private static void theApplicationAnswers(Map<String, ForkedApp.Response> responses) {
        assertThat(responses.get("GET /customers/1/orders").status()).isEqualTo(200);
        assertThat(responses.get("GET /customers/1/order-count").body()).isEqualTo("12");
        assertThat(responses.get("POST /imports?from=100").body()).isEqualTo("6");
        assertThat(responses.get("GET /customers/1/failing").status()).isEqualTo(500);
        assertThat(responses.get("GET /async/customers/1/callable")).satisfies(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("callable: 12 rows");
        });
        assertThat(responses.get("GET /async/customers/1/deferred")).satisfies(response -> {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("deferred: 12 rows");
        });
        assertThat(responses.get("GET /no/such/page/0x0").status()).isEqualTo(404);
    }

    @Test
    void eachScenarioHasItsFindingsAndTheSameJsonThroughEveryFront() throws Exception {
        for (Map.Entry<String, Run> run : runs.entrySet()) {
            sameFindings(run.getKey(), run.getValue().findings());
        }
    }

    private void sameFindings(String database, List<String> findings) throws Exception {
        List<String> normalized = findings.stream().map(line -> RUN_SPECIFIC.matcher(line).replaceAll("")).toList();
        assertThat(normalized).as("kinds per route on %s", database).extracting(HttpConformanceTests::kindAndRoute).containsExactly(
                "N_PLUS_ONE /customers/{customerId}/orders",
                "DUPLICATE /customers/{customerId}/order-count",
                "UNBATCHED_WRITE /imports",
                "QUERY_BUDGET /report",
                "N_PLUS_ONE /customers/{customerId}/failing",
                "N_PLUS_ONE /owners/{customerId}/items");
        assertThat(normalized).as("every N+1 names an application frame on %s", database)
                .filteredOn(line -> line.contains("\"kind\":\"N_PLUS_ONE\""))
                .extracting(line -> ExpectedFindings.field(line, "callSite").replaceAll("\\(.*", ""))
                .containsExactly("dev.querybudget.conformance.app.Work.ordersWithItems",
                        "dev.querybudget.conformance.app.Work.ordersWithItems",
                        "org.springframework.samples.conformance.OwnerController.items");
        assertThat(normalized).as(database).isEqualTo(expected("findings.jsonl", normalized));
    }

    @Test
    void theMetersAreTheSameThroughEveryFrontWithBoundedTags() throws Exception {
        for (Map.Entry<String, Run> run : runs.entrySet()) {
            sameMeters(run.getKey(), run.getValue().meters(), run.getValue().requestsSent());
        }
    }

    private void sameMeters(String database, List<String> meters, int requestsSent) throws Exception {
        assertThat(meters).as(database).isEqualTo(expected("meters.txt", meters));
        assertThat(meters).as("no raw path, no unknown method in a tag").noneMatch(line -> line.contains("/no/such"))
                .noneMatch(line -> line.contains("BREW"));
        assertThat(requestsCounted(meters))
                .as("each request counted once, the ignored one not at all, on %s", database)
                .isEqualTo(requestsSent);
    }

    private static long requestsCounted(List<String> meters) {
        return meters.stream().filter(line -> line.startsWith("querybudget.request.queries{"))
                .mapToLong(line -> Long.parseLong(line.replaceAll(".* count=(\\d+) .*", "$1"))).sum();
    }

    private static String kindAndRoute(String line) {
        return line.replaceAll(".*\"kind\":\"([A-Z_]+)\".*", "$1") + " "
                + line.replaceAll(".*\"route\":\"([^\"]*)\".*", "$1");
    }

    private int expectedLines(String name) throws Exception {
        Path file = EXPECTED.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file).size() : 5;
    }

    /** The expected lines; the starter's run rewrites them with {@code -Dquerybudget.conformance.update=true}. */
    private List<String> expected(String name, List<String> actual) throws Exception {
        Path file = EXPECTED.resolve(name);
        if (Boolean.getBoolean("querybudget.conformance.update") && front() == FrontUnderTest.STARTER) {
            Files.createDirectories(EXPECTED);
            Files.write(file, actual, StandardCharsets.UTF_8);
        }
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
    }
}
