package dev.querybudget.agent;

import dev.querybudget.QueryRecorder;
import dev.querybudget.spi.EngineHooks;
import dev.querybudget.spi.Failures;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * What the inlined advice calls, and the one door between the agent and the application's own copy of QueryBudget.
 * Its signatures use JDK types only ({@code Object} for JDBC and servlet objects): it is loaded from the agent jar
 * on the system class path, and every class loader of the application can see it.
 *
 * <p>Every method is fail-open: it catches everything and hands the application's object back unchanged.
 */
public final class AgentBridge {

    private static volatile boolean active;
    private static volatile RequestScopes requests;

    /** Per thread: how deep inside {@code getConnection}/{@code connect} calls it is. Only the outermost wraps. */
    private static final ThreadLocal<int[]> CONNECTION_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private AgentBridge() {
    }

    static void activate(RequestScopes requestScopes) {
        requests = requestScopes;
        EngineHooks.markInstalled();
        active = true;
    }

    /** Whether the agent is attached and on. Read reflectively by the application's copy of QueryBudget. */
    public static boolean isActive() {
        return active;
    }

    /**
     * Adds the application's own QueryBudget engine: from now on it receives every statement the agent records while
     * {@code listening} (one of its scopes is open; see {@code AgentHandover} in core).
     */
    public static void addEngine(BiConsumer<String, long[]> engine, BooleanSupplier listening) {
        EngineHooks.addDownstream(engine, listening);
    }

    public static void enterConnection() {
        CONNECTION_DEPTH.get()[0]++;
    }

    /**
     * The connection a {@code DataSource.getConnection} or {@code Driver.connect} returns: wrapped when this is the
     * outermost such call on the thread and the connection does not already lead to a QueryBudget proxy (a pool
     * whose physical connections the agent wrapped when it opened them).
     */
    public static Object exitConnection(Object returned) {
        int[] depth = CONNECTION_DEPTH.get();
        if (--depth[0] > 0 || !active || !(returned instanceof Connection connection)) {
            return returned;
        }
        try {
            if (QueryRecorder.isWrapped(connection) || QueryRecorder.isWrapped(unwrapOnce(connection))) {
                return returned;
            }
            return QueryRecorder.wrap(connection);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("wrapping a connection", failure);
            return returned;
        }
    }

    private static Connection unwrapOnce(Connection connection) {
        try {
            return connection.unwrap(Connection.class);
        } catch (SQLException | RuntimeException | AbstractMethodError notSupported) {
            return connection;
        }
    }

    public static void enterRequest(Object request) {
        RequestScopes scopes = requests;
        if (scopes != null) {
            scopes.enter(request);
        }
    }

    public static void exitRequest(Object request, Object response, Throwable thrown) {
        RequestScopes scopes = requests;
        if (scopes != null) {
            scopes.exit(request, response, thrown);
        }
    }
}
