package dev.querybudget.agent;

import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;
import dev.querybudget.spi.Failures;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The application's own {@link ScopeSink}s: the classes its {@code META-INF/services/dev.querybudget.sink.ScopeSink}
 * names, written against QueryBudget's core as the application has it. Found through the class loader of the thread
 * that finishes a scope (a request's thread: the application's loader), the first time one finishes there, and each
 * finished scope is handed to them as a copy in the application's own types ({@link ApplicationCopy}): the agent's
 * copy of core is relocated, so its types are not the application's. An application without QueryBudget's core has
 * none. A sink that cannot be loaded or that throws is logged once and skipped.
 */
final class ApplicationSinks implements ScopeSink {

    private final ClassValue<Loaded> sinks = new ClassValue<>() {
        @Override
        protected Loaded computeValue(Class<?> sinkType) {
            return Loaded.of(sinkType);
        }
    };

    @Override
    public void accept(FinishedScope scope) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> sinkType;
        try {
            sinkType = loader == null ? null : Class.forName(ApplicationCopy.APPLICATION_API + ".sink.ScopeSink", false,
                    loader);
        } catch (ClassNotFoundException | LinkageError noQueryBudget) {
            return;
        }
        if (sinkType == null) {
            return;
        }
        Loaded found = sinks.get(sinkType);
        if (found.sinks().isEmpty()) {
            return;
        }
        Object copy = sinkType == ScopeSink.class ? scope
                : new ApplicationCopy(sinkType.getClassLoader()).of(scope);
        for (Object sink : found.sinks()) {
            try {
                found.accept().invoke(sink, copy);
            } catch (InvocationTargetException failure) {
                Failures.report("publishing a scope to " + sink.getClass().getName(), failure.getCause());
            } catch (ReflectiveOperationException failure) {
                Failures.report("publishing a scope to " + sink.getClass().getName(), failure);
            }
        }
    }

    /** The application's sinks and its {@code ScopeSink.accept}; no sinks when they cannot be loaded. */
    private record Loaded(Method accept, List<Object> sinks) {

        static Loaded of(Class<?> sinkType) {
            try {
                Method accept = sinkType.getMethod("accept", Class.forName(ApplicationCopy.APPLICATION_API
                        + ".sink.FinishedScope", false, sinkType.getClassLoader()));
                return new Loaded(accept, load(sinkType));
            } catch (ReflectiveOperationException | LinkageError failure) {
                Failures.report("looking up the application's sinks", failure);
                return new Loaded(null, List.of());
            }
        }
    }

    private static List<Object> load(Class<?> sinkType) {
        List<Object> loaded = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<?> provider : ServiceLoader.load(sinkType, sinkType.getClassLoader()).stream()
                    .toList()) {
                try {
                    loaded.add(provider.get());
                } catch (RuntimeException | LinkageError | ServiceConfigurationError failure) {
                    Failures.report("loading the application's sink " + provider.type().getName(), failure);
                }
            }
        } catch (RuntimeException | LinkageError | ServiceConfigurationError failure) {
            Failures.report("looking up the application's sinks", failure);
        }
        return List.copyOf(loaded);
    }
}
