package dev.querybudget.agent;

import dev.querybudget.QueryRecorder;
import dev.querybudget.spi.EngineHooks;
import dev.querybudget.spi.Failures;
import dev.querybudget.spi.HandoverProtocol;
import dev.querybudget.spi.HibernateHooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the inlined advice calls, and the one door between the agent and the application's own copy of QueryBudget
 * (the agent's side of the {@link HandoverProtocol}). Its signatures use JDK types only ({@code Object} for JDBC and
 * servlet objects): it is loaded from the agent jar on the system class path, and every class loader of the
 * application can see it.
 *
 * <p>Every method is fail-open: it catches everything and hands the application's object back unchanged.
 *
 * @since 0.2.0
 */
public final class AgentBridge {

    private static volatile boolean started;
    private static volatile boolean active;
    private static volatile RequestScopes requests;

    /** Per thread: how deep inside {@code getConnection}/{@code connect} calls it is. Only the outermost wraps. */
    private static final ThreadLocal<int[]> CONNECTION_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private AgentBridge() {
    }

    static synchronized void activate(RequestScopes requestScopes) {
        requests = requestScopes;
        EngineHooks.markInstalled();
        started = true;
        active = true;
    }

    /** Whether the agent was started in this JVM (it may have stood back since). */
    static boolean hasStarted() {
        return started;
    }

    /** {@link HandoverProtocol#BRIDGE_IS_ACTIVE}: whether the agent is attached, on, and has not stood back. */
    public static boolean isActive() {
        return active;
    }

    /** {@link HandoverProtocol#BRIDGE_VERSION}: the protocol this agent speaks. */
    public static int protocolVersion() {
        return HandoverProtocol.VERSION;
    }

    /**
     * {@link HandoverProtocol#BRIDGE_CONNECT}: links the application's own QueryBudget engine ({@code application}
     * holds its entries) to the agent's, and returns the agent's entries; {@code null} when the agent is not active.
     */
    public static synchronized Map<String, Object> connect(Map<String, Object> application) {
        if (!active) {
            return null;
        }
        try {
            return EngineHooks.linkApplicationEngine(application);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("linking the application's QueryBudget to the agent", failure);
            return null;
        }
    }

    /**
     * {@link HandoverProtocol#BRIDGE_STAND_BACK}: the application's own QueryBudget speaks another protocol version,
     * so the two cannot be one engine. The agent says so once and stands back: it wraps no further connection, opens
     * no further request or thread scope, and the application's QueryBudget counts on its own.
     */
    public static synchronized void standBack(int applicationVersion) {
        if (!active) {
            return;
        }
        active = false;
        try {
            EngineHooks.fallbackScopes(null);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("standing back", failure);
        }
        System.err.println(standBackLine(applicationVersion));
    }

    static String standBackLine(int applicationVersion) {
        return "QueryBudget agent: the application's own QueryBudget speaks hand-over protocol " + applicationVersion
                + " and this agent protocol " + HandoverProtocol.VERSION + ", so they cannot be one engine. The agent"
                + " stands back (it wraps no further connection and reports no further request) and the application's"
                + " QueryBudget counts on its own; use the agent of the application's QueryBudget version.";
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
        if (scopes != null && active) {
            scopes.enter(request);
        }
    }

    public static void exitRequest(Object request, Object response, Throwable thrown) {
        RequestScopes scopes = requests;
        if (scopes != null) {
            scopes.exit(request, response, thrown);
        }
    }

    /** A Hibernate ORM SessionFactory finished its constructor: the agent's engine reads its mappings. */
    public static void sessionFactoryBuilt(Object sessionFactory) {
        if (!started) {
            return;
        }
        try {
            HibernateHooks.sessionFactoryBuilt(sessionFactory);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("reading a Hibernate SessionFactory's mappings", failure);
        }
    }
}
