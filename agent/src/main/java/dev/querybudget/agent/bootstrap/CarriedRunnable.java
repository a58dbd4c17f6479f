package dev.querybudget.agent.bootstrap;

/**
 * An executor's task with the scopes of the thread that submitted it: they count its statements while it runs, and
 * are taken off its thread when it ends, however it ends.
 */
public final class CarriedRunnable implements Runnable {

    private final Runnable task;
    private final Object scopes;

    CarriedRunnable(Runnable task, Object scopes) {
        this.task = task;
        this.scopes = scopes;
    }

    @Override
    public void run() {
        Carrier carrier = Carrier.installed;
        Object previous = carrier == null ? null : Carrier.attach(carrier, scopes);
        try {
            task.run();
        } finally {
            Carrier.detach(previous);
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
