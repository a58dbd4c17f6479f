package dev.querybudget.agent;

import com.example.orders.FanOutApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code outside-requests=per-thread}, a thread's own scope stays its own: the start-up job the main thread
 * starts after its own start-up statements is reported as itself, and requests still carry their scopes.
 */
class AgentPropagationPerThreadIT {

    @Test
    void aPerThreadScopeIsNotCarriedToTheThreadsItsThreadStarts() throws Exception {
        ForkedJvm app = ForkedJvm.start("outside-requests=per-thread", FanOutApp.class.getName(),
                "fanout app listening on", true);
        try {
            int port = Integer.parseInt(app.awaitReady());
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/fanout/pool/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("ok");
            // An ended thread's scope is reported within a second or so.
            for (int wait = 0; wait < 200 && !app.stdout().contains("\"thread startup-job\""); wait++) {
                Thread.sleep(50);
            }
        } finally {
            app.close();
        }

        // Carried, the job's statement would have counted in the main thread's scope, and the job had no report.
        assertThat(app.stdout().lines().filter(line -> line.startsWith("sink: FinishedThread \"thread startup-job\"")))
                .as(app.stdout()).containsExactly(
                        "sink: FinishedThread \"thread startup-job\" statements=1 findings=[] trace=null");
        assertThat(app.stdout().lines()).contains("fanout: \"GET /fanout/pool/{id}\" statements=11 findings=[N_PLUS_ONE x10"
                + " at " + FanOutApp.class.getName() + "$FanOutServlet.item x10]");
    }
}
