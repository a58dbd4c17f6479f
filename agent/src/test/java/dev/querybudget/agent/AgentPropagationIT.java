package dev.querybudget.agent;

import com.example.orders.FanOutApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A request's scope follows its work to other threads under the agent, with no code change, in a real forked JVM
 * (Tomcat, HikariCP, H2) over real HTTP: each request runs one statement on its own thread and ten on an executor,
 * a fork/join pool, a parallel stream, new threads or virtual threads (JDK 21+: the JDK 25 leg), and each request's
 * report counts the eleven and the N+1 of ten from one call site, under its own route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentPropagationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String N_PLUS_ONE = "N_PLUS_ONE x10 at " + FanOutApp.class.getName()
            + "$FanOutServlet.item x10";

    private ForkedJvm app;
    private int port;
    private int javaFeature;

    @BeforeAll
    void startTheApplication() throws Exception {
        app = ForkedJvm.start("", FanOutApp.class.getName(), "fanout app listening on", true);
        port = Integer.parseInt(app.awaitReady());
        javaFeature = Integer.parseInt(app.stdout().lines().filter(line -> line.startsWith("java.feature="))
                .findFirst().orElseThrow().substring("java.feature=".length()));
    }

    @AfterAll
    void stopTheApplication() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pool", "invokeall", "scheduled", "async", "asyncpool", "thread"})
    void aRequestCountsTheStatementsItsTasksRunOnOtherThreads(String kind) throws Exception {
        assertFannedOutRequestCounted(kind);
    }

    /**
     * A parallel stream runs some of the ten on the request's thread and the rest on the common pool's: all eleven
     * count in the request. The call site of each is the first few application frames, which differ between the two
     * kinds of thread, so the N+1 is reported per call site.
     */
    @Test
    void aRequestCountsTheStatementsOfItsParallelStream() throws Exception {
        int before = fanoutLines("parallel").size();
        for (int i = 0; i < 5; i++) {
            assertThat(send("/fanout/parallel/" + i)).isEqualTo("200 ok");
        }

        for (int i = 0; i < 100 && fanoutLines("parallel").size() < before + 5; i++) {
            Thread.sleep(100);
        }
        List<String> lines = fanoutLines("parallel");
        assertThat(lines.subList(before, lines.size())).hasSize(5).allSatisfy(line -> assertThat(line)
                .startsWith("fanout: \"GET /fanout/parallel/{id}\" statements=11 findings=[N_PLUS_ONE x")
                .doesNotContainPattern("findings=.*(DUPLICATE|UNBATCHED)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"virtual", "vthread"})
    void aRequestCountsTheStatementsOfItsVirtualThreads(String kind) throws Exception {
        assumeTrue(javaFeature >= 21, "virtual threads from JDK 21 (the JDK 25 leg)");
        assertFannedOutRequestCounted(kind);
    }

    private void assertFannedOutRequestCounted(String kind) throws Exception {
        assertThat(send("/fanout/" + kind + "/1")).isEqualTo("200 ok");

        awaitStdout("fanout: \"GET /fanout/" + kind + "/{id}\" statements=11 findings=[" + N_PLUS_ONE + "]");
        assertThat(app.stderr()).doesNotContain("QueryBudget failed");
    }

    @Test
    void underSixteenConcurrentRequestsEachCountsItsOwnStatementsAndNoneIsLost() throws Exception {
        List<String> kinds = new ArrayList<>(List.of("pool", "invokeall", "scheduled", "async", "asyncpool", "parallel",
                "thread"));
        if (javaFeature >= 21) {
            kinds.addAll(List.of("virtual", "vthread"));
        }
        long before = statementsRun();
        int linesBefore = fanoutLines().size();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<String>> responses = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 16; i++) {
                    String path = "/fanout/" + kinds.get(i % kinds.size()) + "/" + (round * 16 + i);
                    responses.add(CompletableFuture.supplyAsync(() -> sendUnchecked(path), clients));
                }
            }
            assertThat(responses.stream().map(CompletableFuture::join)).hasSize(48).containsOnly("200 ok");
        } finally {
            clients.shutdownNow();
        }
        for (int i = 0; i < 100 && fanoutLines().size() < linesBefore + 48; i++) {
            Thread.sleep(100);
        }
        List<String> lines = fanoutLines().subList(linesBefore, fanoutLines().size());

        assertThat(lines).hasSize(48).allSatisfy(line -> assertThat(line)
                .contains("statements=11 findings=[N_PLUS_ONE x"));
        assertThat(lines).filteredOn(line -> !line.contains("/parallel/")).allSatisfy(line -> assertThat(line)
                .endsWith("statements=11 findings=[" + N_PLUS_ONE + "]"));
        assertThat(statementsRun() - before).as("the statements the application ran").isEqualTo(48 * 11);
    }

    /**
     * The request's own statement and its task's count; the next task on the pool's thread, handed over by a thread
     * outside any request while the request still waits, does not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"throwing", "throwingexecute"})
    void aPooledTaskThatThrowsLeavesItsThreadWithoutTheRequestsScope(String kind) throws Exception {
        long before = statementsRun();

        assertThat(send("/fanout/" + kind + "/1")).isEqualTo("200 ok");

        awaitStdout("fanout: \"GET /fanout/" + kind + "/{id}\" statements=2 findings=[]");
        assertThat(statementsRun() - before).as("the statements the application ran").isEqualTo(3);
    }

    private List<String> fanoutLines() {
        return app.stdout().lines().filter(line -> line.startsWith("fanout: ")).toList();
    }

    private List<String> fanoutLines(String kind) {
        return fanoutLines().stream().filter(line -> line.startsWith("fanout: \"GET /fanout/" + kind + "/")).toList();
    }

    private long statementsRun() throws Exception {
        return Long.parseLong(send("/stats").substring(4));
    }

    private String sendUnchecked(String path) {
        try {
            return send(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().trim();
    }

    private void awaitStdout(String line) throws InterruptedException {
        for (int i = 0; i < 100 && !app.stdout().lines().toList().contains(line); i++) {
            Thread.sleep(100);
        }
        assertThat(app.stdout().lines()).as("the application's standard error:%n%s", app.stderr()).contains(line);
    }
}
