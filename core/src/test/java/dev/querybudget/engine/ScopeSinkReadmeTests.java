package dev.querybudget.engine;

// tag::readme-scope-sink[]
import dev.querybudget.FindingKind;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

// end::readme-scope-sink[]
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.engine.ServletFixture.Request;
import dev.querybudget.engine.ServletFixture.Response;
import dev.querybudget.request.RequestLifecycle;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** README's sink example, compiled and fed a real request (the README shows the tagged code). */
class ScopeSinkReadmeTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());

    // tag::readme-scope-sink[]
    /** The N+1s found per route, for a dashboard of the application's own. */
    public static final class NPlusOnesByRoute implements ScopeSink {

        private final Map<String, LongAdder> nPlusOnes = new ConcurrentHashMap<>();

        @Override
        public void accept(FinishedScope scope) {
            if (scope instanceof FinishedRequest request) {
                int found = request.report().shapeFindings(FindingKind.N_PLUS_ONE).size();
                nPlusOnes.computeIfAbsent(request.route(), route -> new LongAdder()).add(found);
            }
        }
        // end::readme-scope-sink[]

        long of(String route) {
            return nPlusOnes.getOrDefault(route, new LongAdder()).sum();
        }
        // tag::readme-scope-sink[]
    }
    // end::readme-scope-sink[]

    @Test
    void theReadmeSinkCountsTheNPlusOnesOfARoute() throws Exception {
        NPlusOnesByRoute sink = new NPlusOnesByRoute();
        RequestLifecycle<Request, Response> lifecycle = RequestLifecycle.of(ServletFixture.ADAPTER,
                QueryBudgetSettings.forRequests(), List.of(), sink);
        Request request = new Request("GET", "/items/7");

        lifecycle.enter(request);
        for (int id = 1; id <= 6; id++) {
            Sql.query(dataSource, "select name from item where id = ?", id);
        }
        request.template = "/items/{id}";
        lifecycle.exit(request, new Response(), null);

        assertThat(sink.of("/items/{id}")).isEqualTo(1);
    }
}
