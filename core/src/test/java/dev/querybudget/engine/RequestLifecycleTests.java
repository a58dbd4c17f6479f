package dev.querybudget.engine;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.engine.ServletFixture.Request;
import dev.querybudget.engine.ServletFixture.Response;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.meter.RequestOutcome;
import dev.querybudget.request.RequestLifecycle;
import dev.querybudget.request.ScopeCarrier;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One request, one scope, one report: the lifecycle both the agent and the Spring starter drive. */
class RequestLifecycleTests {

    private final DataSource dataSource = QueryRecorder.wrap(H2.database());
    private final List<FinishedScope> published = new CopyOnWriteArrayList<>();
    private final RequestLifecycle<Request, Response> lifecycle = RequestLifecycle.of(ServletFixture.ADAPTER,
            QueryBudgetSettings.forRequests(), List.of("/actuator/*", "/health"), published::add);

    @Test
    void aRequestIsOneScopeFromItsOutermostDispatchReportedOnceUnderItsRouteTemplate() throws Exception {
        Request request = new Request("GET", "/items/7");
        Response response = new Response();

        assertThat(lifecycle.enter(request)).isTrue();
        assertThat(lifecycle.enter(request)).as("a servlet inside the filter").isFalse();
        lookUpItems(6);
        request.template = "/items/{id}";
        assertThat(lifecycle.exit(request, response, null)).isNull();
        FinishedRequest finished = lifecycle.exit(request, response, null);

        assertThat(published).containsExactly(finished);
        assertThat(finished.method()).isEqualTo("GET");
        assertThat(finished.uri()).isEqualTo("/items/{id}");
        assertThat(finished.route()).isEqualTo("/items/{id}");
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.outcome()).isEqualTo(RequestOutcome.SUCCESS);
        assertThat(finished.exception()).isNull();
        assertThat(finished.traceId()).isNull();
        assertThat(finished.spanId()).isNull();
        assertThat(finished.report().name()).isEqualTo("GET /items/{id}");
        assertThat(finished.report().counts().select()).isEqualTo(6);
        assertThat(finished.report().findings()).extracting(finding -> finding.kind())
                .contains(FindingKind.N_PLUS_ONE);
    }

    @Test
    void withoutARouteTemplateTheRouteIsThePathFoldedAndTheUriTagIsFoldedFurther() throws Exception {
        FinishedRequest finished = request(new Request("PROPFIND", "/orders/42/items"), 200);

        assertThat(finished.method()).isEqualTo("OTHER");
        assertThat(finished.route()).isEqualTo("/orders/{id}/items");
        assertThat(finished.uri()).isEqualTo("UNKNOWN");
        assertThat(finished.report().name()).isEqualTo("OTHER /orders/{id}/items");
    }

    @Test
    void aRequestThatThrowsIsReportedAsAServerErrorWithTheClassOfItsExceptionOnly() throws Exception {
        Request request = new Request("POST", "/orders");
        Response response = new Response();
        lifecycle.enter(request);
        lookUpItems(6);
        request.template = "/orders";
        ServletException thrown = new ServletException(new IllegalStateException("customer 4711 is blocked"));

        FinishedRequest finished = lifecycle.exit(request, response, thrown);

        assertThat(published).containsExactly(finished);
        assertThat(finished.status()).isEqualTo(500);
        assertThat(finished.outcome()).isEqualTo(RequestOutcome.SERVER_ERROR);
        assertThat(finished.exception()).isEqualTo("java.lang.IllegalStateException");
        assertThat(finished.report().findings()).isNotEmpty();
        assertThat(finished.toString()).doesNotContain("4711");
    }

    @Test
    void theErrorPageOfAReportedRequestIsNotCountedAgainNorUnderItsOwnMethod() throws Exception {
        Request request = new Request("GET", "/no/such/page");
        Response response = new Response();
        lifecycle.enter(request);
        response.status = 404; // sendError: the container forwards to its error page after this dispatch
        lifecycle.exit(request, response, null);
        Request errorPage = request.errorDispatch();

        assertThat(lifecycle.enter(errorPage)).isFalse();
        lookUpItems(1);
        assertThat(lifecycle.exit(errorPage, response, null)).isNull();

        assertThat(published).singleElement().isInstanceOfSatisfying(FinishedRequest.class, finished -> {
            assertThat(finished.method()).isEqualTo("GET");
            assertThat(finished.uri()).isEqualTo("NOT_FOUND");
            assertThat(finished.route()).isEqualTo("/no/such/page");
            assertThat(finished.outcome()).isEqualTo(RequestOutcome.CLIENT_ERROR);
        });
    }

    @Test
    void anErrorDispatchOfARequestNoFilterSawIsReportedAsThatRequest() throws Exception {
        Request errorPage = new Request("GET", "/missing").errorDispatch();

        FinishedRequest finished = request(errorPage, 404);

        assertThat(finished.method()).as("its method reads null").isEqualTo("OTHER");
        assertThat(finished.uri()).isEqualTo("NOT_FOUND");
        assertThat(published).hasSize(1);
    }

    @Test
    void anAsyncRequestCountsItsDispatchesInOneScopeOnTheirThreadsAndIsReportedOnce() throws Exception {
        Request request = new Request("GET", "/orders/1");
        Response response = new Response();
        lifecycle.enter(request);
        lookUpItems(2);
        request.template = "/orders/{id}";
        request.asyncStarted = true;
        assertThat(lifecycle.exit(request, response, null)).isNull();
        lookUpItems(1); // the container's thread, back in its pool: not the request's any more

        assertThat(published).isEmpty();
        FinishedRequest finished = CompletableFuture.supplyAsync(() -> {
            Request async = request.asyncDispatch();
            assertThat(lifecycle.enter(async)).isTrue();
            lookUpItemsUnchecked(4);
            return lifecycle.exit(async, response, null);
        }).join();
        request.complete();

        assertThat(published).containsExactly(finished);
        assertThat(finished.report().counts().select()).isEqualTo(6);
        assertThat(finished.report().name()).isEqualTo("GET /orders/{id}");
        assertThat(finished.uri()).isEqualTo("/orders/{id}");
    }

    @Test
    void anAsyncRequestCompletedWithoutAnotherDispatchIsReportedWhenItCompletes() throws Exception {
        Request request = new Request("GET", "/stream");
        Response response = new Response();
        lifecycle.enter(request);
        lookUpItems(1);
        request.asyncStarted = true;
        lifecycle.exit(request, response, null);
        response.status = 503;

        CompletableFuture.runAsync(request::complete).join();

        assertThat(published).singleElement().isInstanceOfSatisfying(FinishedRequest.class, finished -> {
            assertThat(finished.outcome()).isEqualTo(RequestOutcome.SERVER_ERROR);
            assertThat(finished.report().counts().select()).isEqualTo(1);
        });
    }

    @Test
    void ignoredUrlsAreCountedButNotPublished() throws Exception {
        Request health = new Request("GET", "/health");
        lifecycle.enter(health);
        lookUpItems(1);
        Request actuator = new Request("GET", "/actuator/prometheus");
        actuator.template = "/actuator/prometheus";

        assertThat(lifecycle.exit(health, new Response(), null)).isNull();
        assertThat(request(actuator, 200)).isNull();
        assertThat(published).isEmpty();
    }

    @Test
    void aFailingLifecycleResetsTheUncommittedBodyReportsA500AndThrows() throws Exception {
        RequestLifecycle<Request, Response> failing = lifecycle.failingWith(report -> report.hasFindings()
                ? new IllegalStateException(report.format()) : null);
        Request request = new Request("GET", "/items");
        Response response = new Response();
        failing.enter(request);
        lookUpItems(6);

        assertThatThrownBy(() -> failing.exit(request, response, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("QueryBudget: 1 finding in \"GET /items\": 6 statements");
        assertThat(response.buffersReset).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(FinishedRequest.class, finished -> {
            assertThat(finished.status()).isEqualTo(500);
            assertThat(finished.exception()).isEqualTo("java.lang.IllegalStateException");
        });
    }

    @Test
    void aCommittedResponseIsOnlyReportedEvenWhenTheLifecycleWouldFailIt() throws Exception {
        RequestLifecycle<Request, Response> failing = lifecycle.failingWith(report -> new IllegalStateException());
        Request request = new Request("GET", "/items");
        Response response = new Response();
        failing.enter(request);
        response.committed = true;

        assertThat(failing.exit(request, response, null).status()).isEqualTo(200);
        assertThat(response.buffersReset).isZero();
    }

    @Test
    void anAsyncRequestIsOnlyReportedEvenWhenTheLifecycleWouldFailIt() throws Exception {
        RequestLifecycle<Request, Response> failing = lifecycle.failingWith(report -> new IllegalStateException());
        Request request = new Request("GET", "/items");
        Response response = new Response();
        failing.enter(request);
        request.asyncStarted = true;
        failing.exit(request, response, null);
        Request async = request.asyncDispatch();
        failing.enter(async);

        assertThat(failing.exit(async, response, null).status()).isEqualTo(200);
        assertThat(response.buffersReset).isZero();
    }

    @Test
    void nothingTheLifecycleDoesReachesTheApplicationWhenTheAdapterOrASinkFails() throws Exception {
        ServletFixture broken = new ServletFixture() {
            @Override
            public String path(Request request) {
                throw new IllegalStateException("the container broke");
            }
        };
        RequestLifecycle<Request, Response> onBroken = RequestLifecycle.of(broken, QueryBudgetSettings.forRequests(),
                List.of(), published::add);
        RequestLifecycle<Request, Response> toFailingSink = RequestLifecycle.of(ServletFixture.ADAPTER,
                QueryBudgetSettings.forRequests(), List.of(), scope -> {
                    throw new IllegalStateException("the sink broke");
                });
        long failures = FailOpen.failureCount();
        Request request = new Request("GET", "/items");

        assertThat(onBroken.enter(request)).isFalse();
        lookUpItems(1);
        assertThat(onBroken.exit(request, new Response(), null)).isNull();
        assertThat(toFailingSink.enter(request)).isTrue();
        assertThat(toFailingSink.exit(request, new Response(), null)).isNotNull();
        assertThat(FailOpen.failureCount()).isEqualTo(failures + 2);
        assertThat(published).isEmpty();
    }

    @Test
    void theCarrierIsToldOnWhichThreadsTheRequestsScopeCounts() throws Exception {
        List<String> told = new ArrayList<>();
        RequestLifecycle<Request, Response> carried = lifecycle.carryingWith(new ScopeCarrier() {
            @Override
            public void attached(QueryScope scope) {
                told.add("attached " + scope.name() + " on " + Thread.currentThread().getName());
            }

            @Override
            public void detached(QueryScope scope) {
                told.add("detached " + scope.name() + " on " + Thread.currentThread().getName());
            }
        });
        Request request = new Request("GET", "/items");
        carried.enter(request);
        carried.exit(request, new Response(), null);

        String thread = Thread.currentThread().getName();
        assertThat(told).containsExactly("attached GET /items on " + thread, "detached GET /items on " + thread);
    }

    private FinishedRequest request(Request request, int status) throws SQLException {
        Response response = new Response();
        lifecycle.enter(request);
        lookUpItems(1);
        response.status = status;
        return lifecycle.exit(request, response, null);
    }

    private void lookUpItems(int count) throws SQLException {
        for (int id = 1; id <= count; id++) {
            Sql.query(dataSource, "select name from item where id = ?", id);
        }
    }

    private void lookUpItemsUnchecked(int count) {
        try {
            lookUpItems(count);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The container's wrapper of an application's exception, as {@code jakarta.servlet.ServletException} is. */
    static final class ServletException extends Exception {
        ServletException(Throwable cause) {
            super(cause);
        }
    }
}
