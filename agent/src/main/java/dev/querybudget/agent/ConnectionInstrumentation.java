package dev.querybudget.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Wraps the connection every {@code javax.sql.DataSource.getConnection} and {@code java.sql.Driver.connect} returns
 * (the outermost call on the thread only). Types are matched by name first — "DataSource", "Driver" — so that the
 * costly super-type walk runs on few classes. The advice is inlined and refers to {@link AgentBridge} only, with
 * {@code Object} for JDBC types.
 */
final class ConnectionInstrumentation {

    private ConnectionInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder
                .type(nameContains("DataSource").and(not(isInterface()))
                        .and(hasSuperType(named("javax.sql.DataSource"))))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("getConnection").and(returns(named("java.sql.Connection"))).and(not(isAbstract())),
                                ConnectionAdvice.class.getName()))
                .type(nameContains("Driver").and(not(isInterface())).and(hasSuperType(named("java.sql.Driver"))))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("connect").and(takesArguments(2)).and(returns(named("java.sql.Connection")))
                                .and(not(isAbstract())), ConnectionAdvice.class.getName()));
    }

    /** Inlined into {@code getConnection} and {@code connect}. */
    static final class ConnectionAdvice {

        private ConnectionAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            AgentBridge.enterConnection();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object connection) {
            connection = AgentBridge.exitConnection(connection);
        }
    }
}
