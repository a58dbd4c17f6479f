package dev.querybudget.agent.bootstrap;

import java.util.concurrent.Callable;

/**
 * A scheduled executor's task with the scopes of the thread that submitted it: they count its statements while it
 * runs, and are taken off its thread when it ends, however it ends.
 *
 * @param <V> the task's result
 */
public final class CarriedCallable<V> implements Callable<V> {

    private final Callable<V> task;
    private final Object scopes;

    CarriedCallable(Callable<V> task, Object scopes) {
        this.task = task;
        this.scopes = scopes;
    }

    @Override
    public V call() throws Exception {
        Carrier carrier = Carrier.installed;
        Object previous = carrier == null ? null : Carrier.attach(carrier, scopes);
        try {
            return task.call();
        } finally {
            Carrier.detach(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
