package dev.querybudget.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Wraps the connection every {@code javax.sql.DataSource.getConnection} and {@code java.sql.Driver.connect} returns
 * (the outermost call on the thread only). A type is matched by its name ("DataSource", "Driver") and by the method
 * it declares, both read from its own class file: no super type is resolved, which would parse further class files
 * for every candidate while the application starts. A subclass that inherits the method runs its super class's
 * advice. The advice is inlined and refers to {@link AgentBridge} only, with {@code Object} for JDBC types.
 */
final class ConnectionInstrumentation {

    private ConnectionInstrumentation() {
    }

    /** {@code DataSource.getConnection()} and {@code getConnection(String, String)}. */
    private static final ElementMatcher.Junction<MethodDescription> GET_CONNECTION = named("getConnection")
            .and(takesArguments(0).or(takesArguments(String.class, String.class)))
            .and(returns(named("java.sql.Connection"))).and(not(isAbstract())).and(not(isStatic()));
    /** {@code Driver.connect(String, Properties)}. */
    private static final ElementMatcher.Junction<MethodDescription> CONNECT = named("connect")
            .and(takesArguments(2)).and(takesArgument(0, String.class))
            .and(returns(named("java.sql.Connection"))).and(not(isAbstract())).and(not(isStatic()));

    static AgentBuilder install(AgentBuilder builder) {
        return builder
                .type(nameContains("DataSource").and(not(isInterface())).and(declaresMethod(GET_CONNECTION)))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(GET_CONNECTION, ConnectionAdvice.class.getName()))
                .type(nameContains("Driver").and(not(isInterface())).and(declaresMethod(CONNECT)))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(CONNECT, ConnectionAdvice.class.getName()));
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
