package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code Thread.start} and {@code VirtualThread.start} (JDK 21+, which {@code Thread.ofVirtual()},
 * {@code Thread.startVirtualThread} and {@code Executors.newVirtualThreadPerTaskExecutor()} start): the scopes are
 * captured for the new thread, unless it is a pool's worker, and attached around {@code Thread.run()} for a platform
 * thread and {@code VirtualThread.run(Runnable)} for a virtual one. A {@code Thread} subclass whose {@code run()}
 * does not call {@code super.run()} carries nothing.
 */
final class ThreadInstrumentation {

    static final String THREAD = "java.lang.Thread";
    static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

    private ThreadInstrumentation() {
    }

    static AgentBuilder install(AgentBuilder builder) {
        return builder.type(namedOneOf(THREAD, VIRTUAL_THREAD)).transform(ScopeCarrying.advice()
                // start(), and start(ThreadContainer) on JDK 21+
                .advice(named("start").and(takesArguments(0).or(takesArguments(1))), StartAdvice.class.getName())
                .advice(named("run").and(takesArguments(0)).and(isDeclaredBy(named(THREAD)))
                        .or(named("run").and(takesArguments(Runnable.class))), RunAdvice.class.getName()));
    }

    /** Inlined into {@code start}. */
    static final class StartAdvice {

        private StartAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            Carrier.captureForThread(thread);
        }
    }

    /** Inlined into {@code Thread.run()} and {@code VirtualThread.run(Runnable)}. */
    static final class RunAdvice {

        private RunAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object thread) {
            return Carrier.attachForThread(thread);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object previous) {
            Carrier.detach(previous);
        }
    }
}
