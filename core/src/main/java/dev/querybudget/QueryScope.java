package dev.querybudget;

import dev.querybudget.internal.scope.OpenScope;
import dev.querybudget.internal.scope.ScopeRecording;
import dev.querybudget.internal.scope.ScopeRegistry;

/**
 * A unit of work whose statements are counted: a test, a request. Open it with
 * {@link QueryRecorder#open(String, QueryBudgetSettings)}, close it on the same thread with {@link #finish()}
 * (or {@link #close()} in a try-with-resources). Scopes nest: a statement counts in every open scope of its
 * thread.
 *
 * @since 0.1.0
 */
public final class QueryScope implements AutoCloseable {

    private final OpenScope scope;
    private volatile ScopeReport report;

    QueryScope(OpenScope scope) {
        this.scope = scope;
    }

    public String name() {
        return scope.name();
    }

    /**
     * Gives the scope its final name before it finishes: a request's route template, for one, is known only after
     * the framework has routed the request.
     */
    public void rename(String name) {
        ScopeRegistry.get().rename(scope, java.util.Objects.requireNonNull(name, "name"));
    }

    /**
     * Makes this scope count the current thread's statements too, until {@link #detachFromCurrentThread()} on this
     * thread: for a unit of work that goes on on another thread, such as an async request's next dispatch. Idempotent;
     * does nothing once the scope is finished. A scope of {@link ThreadMode#ALL_THREADS} sees every thread already.
     *
     * @since 0.2.0
     */
    public void attachToCurrentThread() {
        ScopeRegistry.get().attach(scope);
    }

    /**
     * Stops this scope from counting the current thread's statements; it stays open, and its other threads still
     * count. For the thread that opened it too: a request whose work goes on elsewhere hands its thread back to the
     * container.
     *
     * @since 0.2.0
     */
    public void detachFromCurrentThread() {
        ScopeRegistry.get().detach(scope);
    }

    /**
     * Makes this scope walk the stack at the first execution of every shape, not only once a shape repeats: each
     * finding's call sites and counts per call site are then exact from a shape's first run, and an N+1 names the call
     * site of the query that loaded its rows. For tests (the JUnit extension does it); it costs a stack walk per
     * distinct statement, more than an indexed lookup on an in-memory database.
     *
     * @return this scope
     * @since 0.3.0
     */
    public QueryScope exactCallSites() {
        scope.sampleEveryFirstExecution();
        return this;
    }

    public QueryBudgetSettings settings() {
        return scope.settings();
    }

    /**
     * With {@code true}, from now on the JDBC call whose statement makes a finding fire in this scope fails with a
     * {@link QueryBudgetExceededException}, after the statement ran and before its result is handed back: inside the
     * application's transaction, which then rolls back. For development and tests (the Spring starter's
     * {@code querybudget.mode=throw}); the one place where QueryBudget fails the application on purpose. With
     * {@code false}, findings are only reported again (an async request's later dispatches, which write the body).
     *
     * @return this scope
     * @since 0.2.0
     */
    public QueryScope failOnFindings(boolean fail) {
        scope.failOnFindings(fail);
        return this;
    }

    /** The counts so far, without closing the scope (once finished, its report's). */
    public QueryCounts counts() {
        ScopeReport done = report;
        if (done != null) {
            return done.counts();
        }
        ScopeRecording recording = scope.recording();
        return recording != null ? recording.counts() : finish().counts(); // finished meanwhile
    }

    /**
     * Closes the scope and detects. Idempotent: later calls return the same report. Detection never throws: if
     * it fails, the failure is logged once and the report carries the counts without findings.
     */
    public ScopeReport finish() {
        ScopeReport done = report;
        if (done != null) {
            return done;
        }
        synchronized (this) {
            if (report == null) {
                ScopeRegistry.get().close(scope);
                report = scope.detect(true);
                scope.release();
            }
            return report;
        }
    }

    /** The same as {@link #finish()}, for try-with-resources. */
    @Override
    public void close() {
        finish();
    }

    /** The recording, for QueryBudget's own tests of its bounded memory. */
    ScopeRecording recording() {
        return scope.recording();
    }
}
