package dev.querybudget.sink;

import dev.querybudget.spi.Failures;

import java.util.List;

/** Every sink of a list, each isolated from the others' failures. */
final class CompositeSink implements ScopeSink {

    private final List<ScopeSink> sinks;

    CompositeSink(List<? extends ScopeSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void accept(FinishedScope scope) {
        for (ScopeSink sink : sinks) {
            try {
                sink.accept(scope);
            } catch (RuntimeException | LinkageError failure) {
                Failures.report("publishing a scope to " + sink.getClass().getName(), failure);
            }
        }
    }
}
