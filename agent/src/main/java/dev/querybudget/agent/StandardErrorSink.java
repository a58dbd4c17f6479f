package dev.querybudget.agent;

import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

/** The report of each scope with findings, as one block on standard error ({@code log=true}, the default). */
final class StandardErrorSink implements ScopeSink {

    @Override
    public void accept(FinishedScope scope) {
        if (scope.report().hasFindings()) {
            System.err.println(scope.report().format());
        }
    }
}
