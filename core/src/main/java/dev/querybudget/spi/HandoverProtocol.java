package dev.querybudget.spi;

/**
 * How the agent's copy of QueryBudget and the application's own copy (the JUnit extension's, the Spring starter's)
 * become one engine, and the names that must survive the agent jar's relocation, all in one place.
 *
 * <p>The agent jar carries core relocated under {@code dev.querybudget.agent.shaded.core}; the application may have
 * core under its own name. The two copies are different classes and meet only in JDK types, through the agent's
 * bridge class on the system class path ({@link #BRIDGE_CLASS}):
 * <ol>
 *   <li>The application's copy looks for the bridge lazily: at its first scope, its first wrap, or its first
 *       question about the agent; and again whenever the agent, attaching late, calls {@link #APPLICATION_OFFER} on
 *       every loaded {@link #APPLICATION_CLASS}.</li>
 *   <li>It asks {@link #BRIDGE_IS_ACTIVE} and {@link #BRIDGE_VERSION}. On another version than {@link #VERSION} it
 *       calls {@link #BRIDGE_STAND_BACK} with its own: the agent prints one line and stands back (it wraps no further
 *       connection and opens no further request scope), and the application's copy goes on counting by itself.</li>
 *   <li>On the same version it calls {@link #BRIDGE_CONNECT} with its entries ({@link #STATEMENTS},
 *       {@link #LISTENING}) and receives the agent engine's ({@link #STATEMENTS}, {@link #TIMING}, {@link #IDLE}).
 *       From then on the agent's engine is the JVM's one engine: it records every statement, those its wrappers time
 *       and those the application's wrappers hand up, and hands each down to the application's copy while that has a
 *       scope open. The application's copy wraps nothing new, and its fronts stand back
 *       ({@link dev.querybudget.QueryRecorder#isAgentAttached()}).</li>
 * </ol>
 * The bridge's {@link #BRIDGE_IS_ACTIVE}, {@link #BRIDGE_VERSION} and {@link #BRIDGE_STAND_BACK} and the application's
 * {@link #APPLICATION_OFFER} never change; all else is what {@link #VERSION} stands for.
 *
 * <p>Names are built at run time: the shade plugin rewrites every string constant that starts with a relocated
 * package name, and the agent's copy must still name the application's classes as they are.
 *
 * <p>For QueryBudget's own fronts; see the {@linkplain dev.querybudget.spi package} for its stability.
 *
 * @since 0.2.0
 */
public final class HandoverProtocol {

    /** The version of everything below but the four entry points that never change. */
    public static final int VERSION = 1;

    /** QueryBudget's root package, {@code dev.querybudget}, as the application's copy names it. */
    public static final String ROOT_PACKAGE = String.join(".", "dev", "querybudget");
    /** The agent's bridge, on the system class path with the agent jar, never relocated. */
    public static final String BRIDGE_CLASS = ROOT_PACKAGE + ".agent.AgentBridge";
    /** The application's side of the handover: the agent jar leaves it out of its own copy. */
    public static final String APPLICATION_CLASS = ROOT_PACKAGE + ".internal.scope.AgentHandover";

    /** {@code static boolean isActive()}: whether the agent is attached and on. */
    public static final String BRIDGE_IS_ACTIVE = "isActive";
    /** {@code static int protocolVersion()}: the agent's {@link #VERSION}. */
    public static final String BRIDGE_VERSION = "protocolVersion";
    /** {@code static void standBack(int applicationVersion)}: the copies cannot share an engine; the agent yields. */
    public static final String BRIDGE_STAND_BACK = "standBack";
    /**
     * {@code static Map<String, Object> connect(Map<String, Object> application)}: the application's entries in,
     * the agent's out ({@code null} when the agent is not active).
     */
    public static final String BRIDGE_CONNECT = "connect";
    /** {@code public static void offer()} of {@link #APPLICATION_CLASS}: look for the agent now. */
    public static final String APPLICATION_OFFER = "offer";

    /**
     * A {@code BiConsumer<String, long[]>} that records a statement: its SQL and its facts in the slots
     * {@link #PARAMETER_HASH} to {@link #FAILED}. The application's records what the agent hands down; the agent's
     * records what the application's wrappers hand up, and hands it down again.
     */
    public static final String STATEMENTS = "statements";
    /** The application's {@code BooleanSupplier}: whether it has a scope open, so wants statements handed down. */
    public static final String LISTENING = "listening";
    /** The agent's {@code BooleanSupplier}: whether no scope is open anywhere, so no statement need be timed. */
    public static final String IDLE = "idle";
    /**
     * The agent's {@code ThreadLocal<long[]>}: per thread, {@link #TIMING_DEPTH} and {@link #TIMING_STARTED}.
     * Every wrapper of either copy times statements on it, so the outermost wrapper on a statement's path records it
     * and the ones inside stand back: each statement is recorded once however the copies' wrappers nest.
     */
    public static final String TIMING = "timing";

    /** Timing slot: how deep inside QueryBudget-wrapped statements the thread is. */
    public static final int TIMING_DEPTH = 0;
    /** Timing slot: {@link System#nanoTime()} when the outermost began. */
    public static final int TIMING_STARTED = 1;
    /** Timing slots in all. */
    public static final int TIMING_SLOTS = 2;

    /** Statement slot: the hash of the bound values (the SQL's own hash for a statement without them). */
    public static final int PARAMETER_HASH = 0;
    /** Statement slot: rows in the batch, or 0 for a statement on its own. */
    public static final int BATCH_ROWS = 1;
    /** Statement slot: the length of the longest {@code IN} list or key array. */
    public static final int LIST_LENGTH = 2;
    /** Statement slot: how long it ran, in nanoseconds. */
    public static final int NANOS = 3;
    /** Statement slot: 1 when the database refused it, else 0. */
    public static final int FAILED = 4;
    /**
     * Statement slot: the SQL dialect the statement is shaped in, as the engine numbers it; a copy that sends fewer
     * slots sends the generic dialect. (Added within version 1: a copy that knows no such slot ignores it.)
     */
    public static final int DIALECT = 5;
    /** Statement slots in all. */
    public static final int STATEMENT_SLOTS = 6;

    private HandoverProtocol() {
    }

    /** A statement's facts in the protocol's slots. */
    public static long[] statement(long parameterHash, int batchRows, int listLength, long nanos, boolean failed) {
        return statement(parameterHash, batchRows, listLength, nanos, failed, 0);
    }

    /** A statement's facts in the protocol's slots, with its dialect's number. */
    public static long[] statement(long parameterHash, int batchRows, int listLength, long nanos, boolean failed,
                                   int dialect) {
        long[] facts = new long[STATEMENT_SLOTS];
        facts[DIALECT] = dialect;
        facts[PARAMETER_HASH] = parameterHash;
        facts[BATCH_ROWS] = batchRows;
        facts[LIST_LENGTH] = listLength;
        facts[NANOS] = nanos;
        facts[FAILED] = failed ? 1 : 0;
        return facts;
    }
}
