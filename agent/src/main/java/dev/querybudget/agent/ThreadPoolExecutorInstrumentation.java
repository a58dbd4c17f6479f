package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code ThreadPoolExecutor.execute}, through which its {@code submit}, {@code invokeAll} and {@code invokeAny} and
 * the {@code Executors} pools pass: the task is wrapped in a {@link dev.querybudget.agent.bootstrap.CarriedRunnable}.
 * The worker threads the pool starts meanwhile carry nothing ({@code addWorker}).
 */
final class ThreadPoolExecutorInstrumentation {

    static final String TYPE = "java.util.concurrent.ThreadPoolExecutor";

    private ThreadPoolExecutorInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder.type(named(TYPE)).transform(ScopeCarrying.advice()
                .advice(named("execute").and(takesArguments(Runnable.class)), ExecuteAdvice.class.getName())
                .advice(named("addWorker").and(takesArguments(2)).and(takesArgument(0, Runnable.class)),
                        AddWorkerAdvice.class.getName()));
    }

    /** Inlined into {@code execute(Runnable)}. */
    static final class ExecuteAdvice {

        private ExecuteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = Carrier.wrap(task);
        }
    }

    /** Inlined into {@code addWorker}: the worker thread it starts carries no scope. */
    static final class AddWorkerAdvice {

        private AddWorkerAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            Carrier.startingWorker(true);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            Carrier.startingWorker(false);
        }
    }
}
