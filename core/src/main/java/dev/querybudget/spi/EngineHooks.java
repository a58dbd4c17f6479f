package dev.querybudget.spi;

import dev.querybudget.internal.scope.ScopeRegistry;

import java.util.Map;
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
     * The agent's side of the {@link HandoverProtocol}: links the application's own copy of QueryBudget, which offered
     * {@code application} (its protocol entries), downstream of this engine, and returns this engine's entries for it.
     * From then on this engine records every statement of the JVM and hands each down while the application's copy
     * has a scope open.
     */
    public static Map<String, Object> linkApplicationEngine(Map<String, Object> application) {
        return ScopeRegistry.get().linkDownstream(application);
    }

    /**
     * Sets what happens to a statement whose thread has no scope open: {@code opener} may open one on the thread, with
     * {@link dev.querybudget.QueryRecorder#open}, and says whether it did; if not, the statement goes unrecorded.
     * The agent's {@code outside-requests=per-thread} reports start-up and scheduler work this way; {@code null} stops
     * it.
     */
    public static void fallbackScopes(Predicate<Thread> opener) {
        ScopeRegistry.get().fallbackScopes(opener);
    }
}
