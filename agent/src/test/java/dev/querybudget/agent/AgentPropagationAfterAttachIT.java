package dev.querybudget.agent;

import com.example.orders.FanOutApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent attached to a running application whose executors, fork/join pool and threads have run already: the JDK
 * classes it retransforms carry each request's scope from then on.
 */
class AgentPropagationAfterAttachIT {

    private static final List<String> KINDS = List.of("pool", "scheduled", "async", "asyncpool", "thread");

    @Test
    void executorsAndThreadsTheApplicationUsedBeforeTheAttachCarryTheRequestsScopeAfterIt() throws Exception {
        try (ForkedJvm app = ForkedJvm.start(null, FanOutApp.class.getName(), "fanout app listening on", true)) {
            int port = Integer.parseInt(app.awaitReady());
            for (String kind : KINDS) {
                assertThat(get(port, "/fanout/" + kind + "/0")).isEqualTo("200 ok");
            }
            assertThat(get(port, "/fanout/parallel/0")).isEqualTo("200 ok");

            app.attachAgent("");
            for (String kind : KINDS) {
                assertThat(get(port, "/fanout/" + kind + "/1")).isEqualTo("200 ok");
            }
            assertThat(get(port, "/fanout/parallel/1")).isEqualTo("200 ok");
            for (int wait = 0; wait < 200 && fanoutLines(app).size() < KINDS.size() + 1; wait++) {
                Thread.sleep(50);
            }

            assertThat(fanoutLines(app)).as(app.stderr()).hasSize(KINDS.size() + 1).allSatisfy(line -> assertThat(line)
                    .contains("statements=11 findings=[N_PLUS_ONE x"));
            assertThat(fanoutLines(app)).filteredOn(line -> !line.contains("/parallel/"))
                    .extracting(line -> line.substring(0, line.indexOf(" findings=")))
                    .containsExactlyInAnyOrderElementsOf(KINDS.stream()
                            .map(kind -> "fanout: \"GET /fanout/" + kind + "/{id}\" statements=11").toList());
            assertThat(app.stderr()).doesNotContain("QueryBudget failed");
        }
    }

    private static List<String> fanoutLines(ForkedJvm app) {
        return app.stdout().lines().filter(line -> line.startsWith("fanout: ")).toList();
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body().trim();
    }
}
