package dev.querybudget.internal.scope;

import dev.querybudget.internal.FailOpen;

import java.lang.reflect.Method;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * One engine per JVM when the agent is attached and the application has QueryBudget's own jars too (the JUnit
 * extension with the agent on Surefire's {@code argLine}, the Spring starter).
 *
 * <p>The agent carries a relocated copy of core; its classes and the application's are different classes. They
 * meet only through {@code dev.querybudget.agent.AgentBridge}, on the system class path with the agent jar, in JDK
 * types: this copy hands the bridge a {@code BiConsumer<String, long[]>} and a {@code BooleanSupplier}, and from then
 * on receives every statement the agent records while one of its scopes is open, and wraps nothing itself. So a scope this copy opens sees the agent's statements, and
 * each statement is counted once.
 *
 * <p>The agent's jar leaves this class out, so its own copy of core never offers itself to itself.
 */
final class AgentHandover {

    static final String BRIDGE = "dev.querybudget.agent.AgentBridge";

    private AgentHandover() {
    }

    static void offer(ScopeRegistry registry) {
        try {
            Class<?> bridge = Class.forName(BRIDGE, true, ClassLoader.getSystemClassLoader());
            Method active = bridge.getMethod("isActive");
            if (!(Boolean) active.invoke(null)) {
                return;
            }
            BiConsumer<String, long[]> engine = registry::recordForeign;
            BooleanSupplier listening = registry::hasOpenScopes;
            bridge.getMethod("addEngine", BiConsumer.class, BooleanSupplier.class).invoke(null, engine, listening);
            registry.agentAttached();
        } catch (ClassNotFoundException noAgent) {
            // no agent in this JVM: this copy is the engine
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            FailOpen.report("handing over to the QueryBudget agent", failure);
        }
    }
}
