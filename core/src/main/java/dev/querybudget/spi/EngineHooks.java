package dev.querybudget.spi;

import dev.querybudget.internal.scope.ScopeRegistry;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What a front that feeds the JVM's one engine by itself needs beyond {@link dev.querybudget.QueryRecorder}: today
 * the agent, which wraps connections as pools and drivers hand them out, hands its statements to the application's
 * own copy of QueryBudget, and may open a scope per thread for work outside requests.
 *
 * <p>For QueryBudget's own fronts and integrations; see the {@linkplain dev.querybudget.spi package} for its
 * stability.
 *
 * @since 0.2.0
 */
public final class EngineHooks {

    private EngineHooks() {
    }

    /**
     * Notes that something in this JVM feeds the engine statements before it has wrapped anything (the agent, from
     * start-up): {@link dev.querybudget.QueryRecorder#isInstalled()} is true from now on.
     */
    public static void markInstalled() {
        ScopeRegistry.get().markInstalled();
    }

    /**
     * Adds an engine that receives every statement this one records while {@code listening} says it has a scope open,
     * in JDK types only: the SQL and {@code [parameterHash, batchRows, listLength, nanos, failed (1 or 0)]}. This is
     * how the agent's relocated copy of QueryBudget hands its statements to the application's own copy, which offers
     * itself by class name ({@code dev.querybudget.agent.AgentBridge}) when it starts.
     */
    public static void addDownstream(BiConsumer<String, long[]> engine, BooleanSupplier listening) {
        ScopeRegistry.get().addDownstream(engine, listening);
    }

    /**
     * Sets what happens to a statement whose thread has no scope open: {@code opener} may open one on the thread, with
     * {@link dev.querybudget.QueryRecorder#open}, and says whether it did; if not, the statement goes unrecorded.
     * The agent's {@code outside-requests=per-thread} reports start-up and scheduler work this way.
     */
    public static void fallbackScopes(Predicate<Thread> opener) {
        ScopeRegistry.get().fallbackScopes(opener);
    }
}
