package dev.querybudget.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Hands every Hibernate ORM SessionFactory, once built, to the agent's engine, which reads its mappings to name the
 * association behind an N+1 ({@code PurchaseOrder.items}). The advice runs on exit of
 * {@code org.hibernate.internal.SessionFactoryImpl}'s constructors (Hibernate 6.6 and 7), when the runtime metamodel is
 * complete, and passes the factory as an Object: the agent never links against the application's Hibernate.
 *
 * <p>Core's own {@code Integrator}, which does the same without the agent, is left out of the agent's jar: a class on
 * the system class path that refers to Hibernate types breaks applications whose Hibernate is in a nested jar.
 */
final class HibernateInstrumentation {

    /** The one Hibernate class the agent transforms; the agent ignores every other {@code org.hibernate.} class. */
    static final String SESSION_FACTORY = "org.hibernate.internal.SessionFactoryImpl";

    private HibernateInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder
                .type(named(SESSION_FACTORY))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(isConstructor(), SessionFactoryAdvice.class.getName()));
    }

    /** Inlined into the constructors. */
    static final class SessionFactoryAdvice {

        private SessionFactoryAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object sessionFactory) {
            AgentBridge.sessionFactoryBuilt(sessionFactory);
        }
    }
}
