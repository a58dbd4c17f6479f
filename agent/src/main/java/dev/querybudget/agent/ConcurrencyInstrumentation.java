package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Carries a request's scope to the threads its work runs on, without code changes, the way OpenTelemetry's agent
 * carries its context: the submitting thread's scopes are captured as a task is handed over and attached around the
 * task on the thread that runs it, then taken off in a {@code finally}.
 * <ul>
 *   <li>{@code ThreadPoolExecutor.execute} (so {@code submit}, {@code invokeAll}, {@code invokeAny} and the
 *       {@code Executors} pools): the task is wrapped in a {@link dev.querybudget.agent.bootstrap.CarriedRunnable}.</li>
 *   <li>{@code ForkJoinTask}: captured as the task is constructed (on the thread that submits or forks it, which is
 *       how {@code ForkJoinPool}, parallel streams and {@code CompletableFuture}'s async stages create theirs) and
 *       again as it is forked, attached in {@code doExec}.</li>
 *   <li>{@code Thread.start}: captured for the new thread (not for a pool's worker), attached in {@code Thread.run}
 *       for a platform thread and in {@code VirtualThread.run(Runnable)} for a virtual one (JDK 21+).</li>
 * </ul>
 * The JDK has loaded most of these classes before any agent starts, so they are always retransformed; the advice
 * refers to the bootstrap {@link Carrier} only (see {@link BootstrapJar}).
 */
final class ConcurrencyInstrumentation {

    static final String THREAD_POOL_EXECUTOR = "java.util.concurrent.ThreadPoolExecutor";
    static final String FORK_JOIN_TASK = "java.util.concurrent.ForkJoinTask";
    static final String THREAD = "java.lang.Thread";
    static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

    private static final ElementMatcher.Junction<MethodDescription> EXECUTE =
            named("execute").and(takesArguments(Runnable.class));
    private static final ElementMatcher.Junction<MethodDescription> ADD_WORKER =
            named("addWorker").and(takesArguments(2)).and(takesArgument(0, Runnable.class));
    private static final ElementMatcher.Junction<MethodDescription> DO_EXEC =
            named("doExec").and(takesArguments(0));
    /** {@code start()}, and {@code start(ThreadContainer)} on JDK 21+. */
    private static final ElementMatcher.Junction<MethodDescription> START =
            named("start").and(takesArguments(0).or(takesArguments(1)));

    private ConcurrencyInstrumentation() {
    }

    /** Call after {@link BootstrapJar#append}: loading this class loads the bootstrap {@link Carrier}. */
    static void install(Instrumentation instrumentation) {
        Carrier.installed = new AgentCarrier();
        ClassLoader agent = ConcurrencyInstrumentation.class.getClassLoader();
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .ignore(none())
                .type(named(THREAD_POOL_EXECUTOR))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(agent)
                        .advice(EXECUTE, ExecuteAdvice.class.getName())
                        .advice(ADD_WORKER, AddWorkerAdvice.class.getName()))
                .type(named(FORK_JOIN_TASK))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(agent)
                        .advice(isConstructor(), CaptureAdvice.class.getName())
                        .advice(named("fork").and(takesArguments(0)), ForkAdvice.class.getName())
                        .advice(DO_EXEC, AttachAdvice.class.getName()))
                .type(namedOneOf(THREAD, VIRTUAL_THREAD))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(agent)
                        .advice(START, StartAdvice.class.getName())
                        .advice(named("run").and(takesArguments(0)).and(isDeclaredByThread())
                                .or(named("run").and(takesArguments(Runnable.class))), ThreadRunAdvice.class.getName()))
                .installOn(instrumentation);
    }

    private static ElementMatcher.Junction<MethodDescription> isDeclaredByThread() {
        return net.bytebuddy.matcher.ElementMatchers.isDeclaredBy(named(THREAD));
    }

    /** Inlined into {@code ThreadPoolExecutor.execute(Runnable)}. */
    static final class ExecuteAdvice {

        private ExecuteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
            task = Carrier.wrap(task);
        }
    }

    /** Inlined into {@code ThreadPoolExecutor.addWorker}: the worker thread it starts carries no scope. */
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

    /** Inlined at the end of {@code ForkJoinTask}'s constructor. */
    static final class CaptureAdvice {

        private CaptureAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object task) {
            Carrier.captureFor(task);
        }
    }

    /** Inlined into {@code ForkJoinTask.fork()}. */
    static final class ForkAdvice {

        private ForkAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object task) {
            Carrier.recaptureFor(task);
        }
    }

    /** Inlined into {@code Thread.run()} and {@code VirtualThread.run(Runnable)}. */
    static final class ThreadRunAdvice {

        private ThreadRunAdvice() {
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

    /** Inlined into {@code Thread.start()} and {@code start(ThreadContainer)}, and {@code VirtualThread}'s. */
    static final class StartAdvice {

        private StartAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread thread) {
            Carrier.captureForThread(thread);
        }
    }

    /** Inlined into {@code ForkJoinTask.doExec}. */
    static final class AttachAdvice {

        private AttachAdvice() {
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
