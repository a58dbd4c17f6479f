package dev.querybudget.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * A scope per HTTP request: {@code HttpServlet.service} and the filter chain's {@code doFilter}, for
 * {@code jakarta.servlet} and {@code javax.servlet} alike, each dispatch with the exception it ends with.
 * {@link RequestScopes} keeps only the outermost call of a thread, so a request through ten filters and a servlet is
 * one scope. A filter (or filter chain) is matched by its name and by the {@code doFilter} it declares, read from its
 * own class file, with no super type resolved.
 */
final class ServletInstrumentation {

    private static final String[] REQUESTS = {"jakarta.servlet.ServletRequest", "javax.servlet.ServletRequest"};
    /** {@code Filter.doFilter(request, response, chain)} and {@code FilterChain.doFilter(request, response)}. */
    private static final ElementMatcher.Junction<MethodDescription> DO_FILTER = named("doFilter")
            .and(takesArgument(0, namedOneOf(REQUESTS))).and(not(isAbstract())).and(not(isStatic()));

    private ServletInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder
                .type(namedOneOf("jakarta.servlet.http.HttpServlet", "javax.servlet.http.HttpServlet"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("service").and(takesArguments(2)).and(takesArgument(0, namedOneOf(REQUESTS))),
                                RequestAdvice.class.getName()))
                .type(nameContains("Filter").and(not(isInterface())).and(declaresMethod(DO_FILTER)))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(DO_FILTER, RequestAdvice.class.getName()));
    }

    /** Inlined into {@code service} and {@code doFilter}. */
    static final class RequestAdvice {

        private RequestAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object request) {
            AgentBridge.enterRequest(request);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Argument(0) Object request, @Advice.Argument(1) Object response,
                         @Advice.Thrown Throwable thrown) {
            AgentBridge.exitRequest(request, response, thrown);
        }
    }
}
