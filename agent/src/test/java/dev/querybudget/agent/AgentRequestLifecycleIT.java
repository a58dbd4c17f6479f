package dev.querybudget.agent;

import com.example.orders.OrdersApp;
import dev.querybudget.meter.MeterListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's side of core's request lifecycle, in a real forked JVM (Tomcat with an error page for every error,
 * Hibernate ORM, H2) over real HTTP: each request counted once whatever its dispatches, a request that throws
 * reported, async dispatches in one scope, bounded meter series, ignored URLs, and the application's own sink. The
 * application has QueryBudget's core on its class path for its sink, as a user's would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentRequestLifecycleIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ForkedJvm app;
    private int port;

    @BeforeAll
    void startTheApplication() throws Exception {
        app = ForkedJvm.start("ignore-urls=/meters,/orders/fetch/*", OrdersApp.class.getName(),
                "orders app listening on", true);
        port = Integer.parseInt(app.awaitReady());
    }

    @AfterAll
    void stopTheApplication() {
        app.close();
    }

    @Test
    void requestsThatEndOnTheErrorPageAreCountedOnceUnderTheirOwnMethodAndRoute() throws Exception {
        List<String> before = meters();
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/orders/missing/" + i)).isEqualTo("404 error 404");
            assertThat(send("GET", "/orders/bad/" + i)).isEqualTo("400 error 400");
        }

        assertThat(MeterListing.added(before, meters())).containsExactly(
                "jmx Requests +20",
                "querybudget.request.queries{method=GET,outcome=CLIENT_ERROR,uri=NOT_FOUND} count +10 total +0",
                "querybudget.request.queries{method=GET,outcome=CLIENT_ERROR,uri=UNKNOWN} count +10 total +0");
        assertThat(app.stderr()).doesNotContain("QueryBudget failed");
    }

    @Test
    void aRequestThatThrowsAfterAnNPlusOneIsReportedAsAServerErrorAndStillFailsAsTheApplicationMeantIt()
            throws Exception {
        List<String> before = meters();

        assertThat(send("GET", "/orders/fail/1")).isEqualTo("500 error 500");

        awaitStdout("sink: FinishedRequest \"GET /orders/fail/{id}\" method=GET uri=UNKNOWN route=/orders/fail/{id}"
                + " status=500 outcome=SERVER_ERROR exception=java.lang.IllegalStateException statements=21"
                + " findings=[QUERY_BUDGET, N_PLUS_ONE] trace=null");
        assertThat(MeterListing.added(before, meters())).containsExactly(
                "jmx NPlusOneFindings +1",
                "jmx QueryBudgetFindings +1",
                "jmx Requests +1",
                "jmx Statements +21",
                "querybudget.findings{kind=N_PLUS_ONE,method=GET,uri=UNKNOWN} count +1",
                "querybudget.findings{kind=QUERY_BUDGET,method=GET,uri=UNKNOWN} count +1",
                "querybudget.request.queries{method=GET,outcome=SERVER_ERROR,uri=UNKNOWN} count +1 total +21");
        assertThat(app.stderr()).contains("QueryBudget: 2 findings in \"GET /orders/fail/{id}\": 21 statements");
    }

    @Test
    void anAsyncRequestCountsBothItsDispatchesInOneScopeAndKeepsItsBody() throws Exception {
        List<String> before = meters();

        assertThat(send("GET", "/async/orders/1")).isEqualTo("200 60 items");

        awaitStdout("sink: FinishedRequest \"GET /async/orders/{id}\" method=GET uri=UNKNOWN route=/async/orders/{id}"
                + " status=200 outcome=SUCCESS exception=null statements=22 findings=[QUERY_BUDGET, N_PLUS_ONE]"
                + " trace=null");
        assertThat(MeterListing.added(before, meters())).contains("jmx Requests +1", "jmx Statements +22",
                "querybudget.request.queries{method=GET,outcome=SUCCESS,uri=UNKNOWN} count +1 total +22");
    }

    @Test
    void randomMethodsAndPathsKeepTheSeriesToAFixedHandful() throws Exception {
        Random random = new Random(4);
        String[] methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO", "get", "PROPFIND"};
        List<String> before = meters();
        for (int i = 0; i < 100; i++) {
            send(methods[i % methods.length], randomPath(random, i));
        }
        List<String> afterFirst = meters();
        for (int i = 0; i < 100; i++) {
            send(methods[i % methods.length], randomPath(random, i));
        }
        List<String> afterSecond = meters();

        assertThat(MeterListing.counts(afterSecond).keySet()).as("the second hundred adds no series")
                .isEqualTo(MeterListing.counts(afterFirst).keySet());
        assertThat(MeterListing.added(before, afterSecond)).contains("jmx Requests +200");
        List<String> series = afterSecond.stream().filter(line -> line.startsWith("querybudget.")).toList();
        assertThat(series).hasSizeLessThanOrEqualTo(20).allSatisfy(line -> assertThat(line)
                .matches(MeterListing.SCHEMA_LINE)
                .matches(".*method=(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|OTHER)[,}].*")
                .matches(".*uri=(NOT_FOUND|UNKNOWN|REDIRECTION|root)} .*"));
    }

    @Test
    void anIgnoredUrlIsServedButNotReported() throws Exception {
        List<String> before = meters();

        assertThat(send("GET", "/orders/fetch/1")).isEqualTo("200 60 items");

        assertThat(MeterListing.added(before, meters())).isEmpty();
        assertThat(app.stdout()).doesNotContain("/orders/fetch");
    }

    @Test
    void theApplicationsOwnSinkReceivesEveryRequestThroughServiceLoader() throws Exception {
        assertThat(send("GET", "/orders/lazy/1")).isEqualTo("200 60 items");

        awaitStdout("sink: FinishedRequest \"GET /orders/lazy/{id}\" method=GET uri=UNKNOWN route=/orders/lazy/{id}"
                + " status=200 outcome=SUCCESS exception=null statements=21 findings=[QUERY_BUDGET, N_PLUS_ONE]"
                + " trace=null");
    }

    /** A path the application does not route: under its servlet (a 404 it sends) or outside it (the container's). */
    private static String randomPath(Random random, int i) {
        String word = Long.toString(Math.abs(random.nextLong()), 36).replaceAll("[0-9]", "x");
        return i % 2 == 0 ? "/orders/" + word + "/" + random.nextInt(1000) : "/" + word;
    }

    private String send(String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().trim();
    }

    /** The application's meters and the agent's JMX totals, one line each. */
    private List<String> meters() throws Exception {
        return send("GET", "/meters").substring(4).lines().toList();
    }

    private void awaitStdout(String line) throws InterruptedException {
        for (int i = 0; i < 100 && !app.stdout().lines().toList().contains(line); i++) {
            Thread.sleep(100);
        }
        assertThat(app.stdout().lines()).contains(line);
    }
}
