package dev.querybudget.spring;

import dev.querybudget.QueryScope;
import dev.querybudget.spi.Failures;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * The request's scope as Micrometer's context-propagation library carries thread-locals: Spring's
 * {@code ContextPropagatingTaskDecorator} (on {@code @Async} methods and the application's task executor), Reactor's
 * automatic propagation and {@code ContextSnapshot} wrapping take it to the thread the work runs on, where it counts
 * the statements, and take it off again when the work ends, whatever happens in it. A scope whose request has
 * finished counts nothing more: late work is neither counted in it nor charged to another request.
 *
 * <p>Public only for the library's {@link java.util.ServiceLoader}, which finds it through the starter's
 * {@code META-INF/services} file; not for applications to use.
 *
 * @since 0.3.0
 */
public final class QueryScopeAccessor implements ThreadLocalAccessor<QueryScope> {

    /** The key under which the scope travels in a context snapshot. */
    static final String KEY = "dev.querybudget.scope";

    /** For {@link java.util.ServiceLoader}. */
    public QueryScopeAccessor() {
    }

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public QueryScope getValue() {
        return CarriedScope.current();
    }

    @Override
    public void setValue(QueryScope scope) {
        carry(scope);
    }

    @Override
    public void reset() {
        carry(null);
    }

    @Override
    public void restore(QueryScope previous) {
        carry(previous);
    }

    private static void carry(QueryScope scope) {
        try {
            CarriedScope.carry(scope);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("carrying a request's scope to another thread", failure);
        }
    }
}
