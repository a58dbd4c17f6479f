package dev.querybudget.agent.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bootstrap carrier: fail-open, nothing captured without scopes, and a wrapped task always puts back. */
class CarrierTests {

    private final List<String> events = new ArrayList<>();

    @AfterEach
    void uninstall() {
        Carrier.installed = null;
    }

    @Test
    void withoutScopesATaskIsHandedOnAsItIs() {
        Carrier.installed = new Recording(null);
        Runnable task = () -> { };
        Callable<String> callable = () -> "done";

        assertThat(Carrier.wrap(task)).isSameAs(task);
        assertThat(Carrier.wrap(callable)).isSameAs(callable);
        assertThat(events).containsExactly("capture", "capture");
    }

    @Test
    void aWrappedTaskRunsWithTheScopesAndPutsBackWhatItsThreadHadEvenWhenItThrows() {
        Carrier.installed = new Recording("request");
        Runnable wrapped = Carrier.wrap((Runnable) () -> {
            events.add("task");
            throw new IllegalStateException("the task fails");
        });

        assertThat(Carrier.wrap(wrapped)).as("not wrapped twice").isSameAs(wrapped);
        assertThatThrownBy(wrapped::run).hasMessage("the task fails");
        assertThat(events).containsExactly("capture", "attach request", "task", "restore before");
    }

    @Test
    void aForkJoinTasksScopesStayWhileItLivesAndAThreadsAreAttachedOnce() {
        Carrier.installed = new Recording("request");
        Object task = new Object();
        Thread thread = new Thread(() -> { });
        Carrier.captureFor(task);
        Carrier.captureForThread(thread);

        Carrier.detach(Carrier.attachFor(task));
        Carrier.detach(Carrier.attachFor(task));
        Carrier.detach(Carrier.attachForThread(thread));
        assertThat(Carrier.attachForThread(thread)).isNull();

        assertThat(events).containsExactly("capture", "capture", "attach request", "restore before",
                "attach request", "restore before", "attach request", "restore before");
    }

    @Test
    void aFailingCarrierLeavesTheTaskUnwrappedAndSaysSo() {
        Carrier.installed = new Failing();
        Runnable task = () -> { };
        Object forkJoinTask = new Object();

        assertThat(Carrier.wrap(task)).isSameAs(task);
        Carrier.captureFor(forkJoinTask);
        assertThat(Carrier.attachFor(forkJoinTask)).isNull();
        Carrier.detach("before");

        assertThat(events).containsExactly("failed carrying a request's scope to an executor's task",
                "failed carrying a request's scope to a fork/join task",
                "failed detaching a request's scope from a task");
    }

    private class Recording extends Carrier {

        private final Object scopes;

        Recording(Object scopes) {
            this.scopes = scopes;
        }

        @Override
        protected Object capture() {
            events.add("capture");
            return scopes;
        }

        @Override
        protected Object attach(Object captured) {
            events.add("attach " + captured);
            return "before";
        }

        @Override
        protected void restore(Object previous) {
            events.add("restore " + previous);
        }

        @Override
        protected void failed(String doing, Throwable failure) {
            events.add("failed " + doing);
        }
    }

    private final class Failing extends Recording {

        Failing() {
            super(null);
        }

        @Override
        protected Object capture() {
            throw new IllegalStateException("broken");
        }

        @Override
        protected void restore(Object previous) {
            throw new IllegalStateException("broken");
        }
    }
}
