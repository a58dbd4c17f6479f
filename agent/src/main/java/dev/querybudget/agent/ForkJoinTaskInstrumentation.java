package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code ForkJoinTask}: the scopes are captured as a task is constructed, on the thread that submits or forks it
 * (which is how {@code ForkJoinPool}'s {@code execute}, {@code submit} and {@code invoke}, parallel streams and
 * {@code CompletableFuture}'s async stages create theirs), captured again as it is forked (a parallel stream's task
 * forks itself), and attached around {@code doExec}, where every worker runs a task. They are kept beside the task,
 * in the bootstrap {@link Carrier}'s weak map: a task has no field to hold them.
 */
final class ForkJoinTaskInstrumentation {

    static final String TYPE = "java.util.concurrent.ForkJoinTask";

    private ForkJoinTaskInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder.type(named(TYPE)).transform(ScopeCarrying.advice()
                .advice(isConstructor(), ConstructorAdvice.class.getName())
                .advice(named("fork").and(takesArguments(0)), ForkAdvice.class.getName())
                .advice(named("doExec").and(takesArguments(0)), DoExecAdvice.class.getName()));
    }

    /** Inlined at the end of the constructor. */
    static final class ConstructorAdvice {

        private ConstructorAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object task) {
            Carrier.captureFor(task);
        }
    }

    /** Inlined into {@code fork()}. */
    static final class ForkAdvice {

        private ForkAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object task) {
            Carrier.recaptureFor(task);
        }
    }

    /** Inlined into {@code doExec()}. */
    static final class DoExecAdvice {

        private DoExecAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object task) {
            return Carrier.attachFor(task);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object previous) {
            Carrier.detach(previous);
        }
    }
}
