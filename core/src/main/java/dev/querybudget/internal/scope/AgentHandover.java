package dev.querybudget.internal.scope;

import dev.querybudget.internal.FailOpen;
import dev.querybudget.spi.HandoverProtocol;

import java.util.Map;

/**
 * The application's side of the {@link HandoverProtocol}: one engine per JVM when the agent is attached and the
 * application has QueryBudget's own jars too (the JUnit extension with the agent on Surefire's {@code argLine}, the
 * Spring starter), whichever came first.
 *
 * <p>The registry calls it the first time it is used; the agent calls {@link #offer()} when it attaches to a running
 * JVM, so a late agent is found too. The agent's jar leaves this class out, so its own copy of core never offers
 * itself to itself.
 *
 * <p>Public for the agent's reflective call only; not API.
 */
public final class AgentHandover {

    private AgentHandover() {
    }

    /**
     * Looks for the agent now ({@link HandoverProtocol#APPLICATION_OFFER}): a late-attached agent calls it on every
     * copy of this class it finds loaded. Never throws.
     */
    public static void offer() {
        offer(ScopeRegistry.get());
    }

    static synchronized void offer(ScopeRegistry registry) {
        if (registry.isLinked()) {
            return;
        }
        Class<?> bridge;
        try {
            bridge = Class.forName(HandoverProtocol.BRIDGE_CLASS, true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError | SecurityException noAgent) {
            return; // no agent in this JVM (yet): this copy is the engine
        }
        try {
            if (!(Boolean) bridge.getMethod(HandoverProtocol.BRIDGE_IS_ACTIVE).invoke(null)) {
                return;
            }
            int agentVersion = (Integer) bridge.getMethod(HandoverProtocol.BRIDGE_VERSION).invoke(null);
            if (agentVersion != HandoverProtocol.VERSION) {
                // The agent says so, once, and stands back; this copy goes on counting by itself.
                bridge.getMethod(HandoverProtocol.BRIDGE_STAND_BACK, int.class).invoke(null, HandoverProtocol.VERSION);
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> agent = (Map<String, Object>) bridge.getMethod(HandoverProtocol.BRIDGE_CONNECT, Map.class)
                    .invoke(null, registry.handoverEntries());
            if (agent != null) {
                registry.linkUpstream(agent);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            FailOpen.report("handing over to the QueryBudget agent", failure);
        }
    }
}
