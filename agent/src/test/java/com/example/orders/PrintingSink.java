package com.example.orders;

import dev.querybudget.Finding;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

/**
 * An application's own sink, as a user writes it against QueryBudget's core and lists it in
 * {@code META-INF/services/dev.querybudget.sink.ScopeSink}: the agent hands it every finished scope. It prints one
 * line per scope on standard output for the tests to read.
 */
public final class PrintingSink implements ScopeSink {

    @Override
    public void accept(FinishedScope scope) {
        StringBuilder line = new StringBuilder("sink: ").append(scope.getClass().getSimpleName()).append(" \"")
                .append(scope.report().name()).append('"');
        if (scope instanceof FinishedRequest request) {
            line.append(" method=").append(request.method()).append(" uri=").append(request.uri())
                    .append(" route=").append(request.route()).append(" status=").append(request.status())
                    .append(" outcome=").append(request.outcome()).append(" exception=").append(request.exception());
        }
        line.append(" statements=").append(scope.report().counts().total()).append(" findings=")
                .append(scope.report().findings().stream().map(Finding::kind).toList())
                .append(" trace=").append(scope.traceId());
        System.out.println(line);
    }
}
