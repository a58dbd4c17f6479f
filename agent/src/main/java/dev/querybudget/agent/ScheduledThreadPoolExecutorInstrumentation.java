package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import java.util.concurrent.Callable;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code ScheduledThreadPoolExecutor.schedule}, through which its {@code execute} and {@code submit} pass (it does not
 * go through {@code ThreadPoolExecutor.execute}): the one-shot task is wrapped. Periodic tasks
 * ({@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) outlive a request and carry nothing.
 */
final class ScheduledThreadPoolExecutorInstrumentation {

    static final String TYPE = "java.util.concurrent.ScheduledThreadPoolExecutor";

    private ScheduledThreadPoolExecutorInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder.type(named(TYPE)).transform(ScopeCarrying.advice()
                .advice(named("schedule").and(takesArguments(3)).and(takesArgument(0, Runnable.class)),
                        RunnableAdvice.class.getName())
                .advice(named("schedule").and(takesArguments(3)).and(takesArgument(0, Callable.class)),
                        CallableAdvice.class.getName()));
    }

    /** Inlined into {@code schedule(Runnable, long, TimeUnit)}. */
    static final class RunnableAdvice {

        private RunnableAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = Carrier.wrap(task);
        }
    }

    /** Inlined into {@code schedule(Callable, long, TimeUnit)}. */
    static final class CallableAdvice {

        private CallableAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
            task = Carrier.wrap(task);
        }
    }
}
