package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.none;

/**
 * Carries a request's scope to the threads its work runs on, without code changes, the way OpenTelemetry's agent
 * carries its context: the submitting thread's scopes are captured as a task is handed over and attached around the
 * task on the thread that runs it, then taken off in a {@code finally}, whatever the task does
 * ({@link ThreadPoolExecutorInstrumentation}, {@link ScheduledThreadPoolExecutorInstrumentation},
 * {@link ForkJoinTaskInstrumentation}, {@link ThreadInstrumentation}). Nothing is captured while the thread has no
 * scope open.
 *
 * <p>The JDK has loaded most of these classes before any agent starts, so they are always retransformed, at start-up
 * too. The advice refers to the bootstrap {@link Carrier} only, which {@link BootstrapJar} put on the bootstrap class
 * path first.
 */
final class ScopeCarrying {

    private ScopeCarrying() {
    }

    /** Call after {@link BootstrapJar#append}: loading this class loads the bootstrap {@link Carrier}. */
    static void install(Instrumentation instrumentation) {
        Carrier.installed = new AgentCarrier();
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .ignore(none());
        builder = ThreadPoolExecutorInstrumentation.install(builder);
        builder = ScheduledThreadPoolExecutorInstrumentation.install(builder);
        builder = ForkJoinTaskInstrumentation.install(builder);
        builder = ThreadInstrumentation.install(builder);
        builder.installOn(instrumentation);
    }

    /** The advice's class files are the agent's, whatever loader the instrumented class has (the bootstrap one). */
    static AgentBuilder.Transformer.ForAdvice advice() {
        return new AgentBuilder.Transformer.ForAdvice().include(ScopeCarrying.class.getClassLoader());
    }
}
