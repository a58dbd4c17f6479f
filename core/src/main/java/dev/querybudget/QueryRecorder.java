package dev.querybudget;

import dev.querybudget.internal.jdbc.Wrapping;
import dev.querybudget.internal.scope.ScopeRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;

/**
 * QueryBudget's entry point: wrap a DataSource, open a scope, read its report.
 *
 * <pre>{@code
 * DataSource counted = QueryRecorder.wrap(dataSource);
 * ScopeReport report = QueryRecorder.record("list orders", () -> service.listOrders(userId));
 * report.findings(FindingKind.N_PLUS_ONE);
 * }</pre>
 *
 * <p>There is one engine per JVM: a statement through any wrapped DataSource or Connection reaches every open
 * scope of its thread (and every {@link ThreadMode#ALL_THREADS} scope), exactly once however many QueryBudget
 * wrappers sit on its path.
 *
 * <p>Named {@code QueryRecorder} so that it never shares a simple name with the JUnit extension's
 * {@code @QueryBudget} annotation; in 0.1.0 it was {@code dev.querybudget.QueryBudget}.
 *
 * @since 0.2.0
 */
public final class QueryRecorder {

    private QueryRecorder() {
    }

    /**
     * A DataSource whose statements QueryBudget records. Idempotent: wrapping a wrapped DataSource returns it.
     * {@code unwrap} and {@code isWrapperFor} still reach the vendor classes.
     */
    public static DataSource wrap(DataSource dataSource) {
        return Wrapping.wrap(dataSource);
    }

    /**
     * The same as {@link #wrap(DataSource)}, under {@code name}: reports and metrics tell DataSources apart by it
     * (the Spring starter uses the bean name).
     */
    public static DataSource wrap(String name, DataSource dataSource) {
        return Wrapping.wrap(name, dataSource);
    }

    /** A Connection whose statements QueryBudget records. Idempotent, like {@link #wrap(DataSource)}. */
    public static Connection wrap(Connection connection) {
        return Wrapping.wrap(connection);
    }

    /**
     * The same as {@link #wrap(Connection)}, under the name of the DataSource the connection came from (for fronts
     * that wrap connections as they are handed out, keeping the DataSource's own type).
     */
    public static Connection wrap(String dataSourceName, Connection connection) {
        return Wrapping.wrap(dataSourceName, connection);
    }

    /** Whether {@code dataSource} is already one of QueryBudget's wrappers. */
    public static boolean isWrapped(DataSource dataSource) {
        return Wrapping.isWrapped(dataSource);
    }

    /**
     * Whether {@code connection} is already one of QueryBudget's wrappers. (The wrappers forward {@code isWrapperFor}
     * to the vendor object, so only this can tell.)
     */
    public static boolean isWrapped(Connection connection) {
        return Wrapping.isWrapped(connection);
    }

    /**
     * Whether anything in this JVM records statements: a DataSource or Connection wrapped with {@link #wrap}, by
     * the Spring starter or by the agent. When nothing does, every scope counts zero.
     */
    public static boolean isInstalled() {
        return ScopeRegistry.get().isInstalled();
    }

    /**
     * Whether the QueryBudget agent is attached to this JVM, at start-up or since, and this copy of QueryBudget has
     * handed over to it. The agent then wraps every connection and opens a scope per HTTP request itself; this copy
     * wraps nothing new, and fronts in the application (the Spring starter's request filter) stand back.
     */
    public static boolean isAgentAttached() {
        return ScopeRegistry.get().isAgentAttached();
    }

    /** Opens a scope on the current thread. Close it with {@link QueryScope#finish()} on the same thread. */
    public static QueryScope open(String name, QueryBudgetSettings settings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        return new QueryScope(ScopeRegistry.get().open(name, settings));
    }

    /** Runs {@code work} in a scope with default settings and returns what the scope saw. */
    public static <E extends Exception> ScopeReport record(String name, Work<E> work) throws E {
        return record(name, QueryBudgetSettings.defaults(), work);
    }

    /** Runs {@code work} in a scope and returns what the scope saw; the scope closes even if the work throws. */
    public static <E extends Exception> ScopeReport record(String name, QueryBudgetSettings settings, Work<E> work)
            throws E {
        QueryScope scope = open(name, settings);
        try {
            work.run();
        } finally {
            scope.finish();
        }
        return scope.finish();
    }

    /** A block of code that may throw. */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        void run() throws E;
    }
}
