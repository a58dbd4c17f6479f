package dev.querybudget.agent;

import com.example.orders.CoreWrapApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent attached to a running application whose own QueryBudget (core's {@code QueryRecorder.wrap}, no front)
 * already counts: the connections it wrapped before the attach, one of them held open, hand their statements to the
 * agent, and each statement is counted once in the application's scope and once in the agent's request.
 */
class LateAttachIT {

    private static final String AGENT_REPORT = "QueryBudget: 2 findings in \"GET /items\": 10 statements (10 select,"
            + " 0 insert, 0 update, 0 delete, 0 other)";

    @Test
    void connectionsTheApplicationWrappedBeforeTheAttachHandTheirStatementsToTheAgentCountedOnce() throws Exception {
        ForkedJvm app = ForkedJvm.start(null, CoreWrapApp.class.getName(), "core wrap app listening on", true);
        try {
            int port = Integer.parseInt(app.awaitReady());
            assertThat(get(port)).isEqualTo("10");

            app.attachAgent("");
            assertThat(get(port)).isEqualTo("10");
            assertThat(get(port)).isEqualTo("10");
            // A request is reported as it ends, which may be just after its response: wait for both reports.
            for (int wait = 0; wait < 200 && agentReports(app) < 2; wait++) {
                Thread.sleep(50);
            }
        } finally {
            app.close();
        }

        assertThat(app.stdout().lines().filter(line -> line.startsWith("app scope:")))
                .containsExactly("app scope: 10 statements", "app scope: 10 statements", "app scope: 10 statements");
        assertThat(app.stderr().lines().filter(line -> line.startsWith("QueryBudget: ")))
                .as("the agent's reports of the two requests after the attach").containsExactly(AGENT_REPORT,
                        AGENT_REPORT);
    }

    private static long agentReports(ForkedJvm app) {
        return app.stderr().lines().filter(AGENT_REPORT::equals).count();
    }

    private static String get(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/items"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().trim();
    }
}
