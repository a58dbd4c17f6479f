package dev.querybudget.agent;

import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's totals as a JMX MBean ({@code dev.querybudget:type=Agent}), for applications without Micrometer:
 * {@code Requests} counts HTTP requests, each once; the statements and findings are those of every scope reported
 * (requests, and with {@code outside-requests=per-thread} the threads' work outside them).
 */
public final class QueryBudgetTotals implements QueryBudgetTotalsMBean, ScopeSink {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong nPlusOne = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unbatchedWrites = new AtomicLong();
    private final AtomicLong overBudget = new AtomicLong();

    @Override
    public void accept(FinishedScope scope) {
        if (scope instanceof FinishedRequest) {
            requests.incrementAndGet();
        }
        ScopeReport report = scope.report();
        statements.addAndGet(report.counts().total());
        for (Finding finding : report.findings()) {
            switch (finding.kind()) {
                case N_PLUS_ONE -> nPlusOne.incrementAndGet();
                case DUPLICATE -> duplicates.incrementAndGet();
                case UNBATCHED_WRITE -> unbatchedWrites.incrementAndGet();
                case QUERY_BUDGET -> overBudget.incrementAndGet();
            }
        }
    }

    @Override
    public long getRequests() {
        return requests.get();
    }

    @Override
    public long getStatements() {
        return statements.get();
    }

    @Override
    public long getNPlusOneFindings() {
        return nPlusOne.get();
    }

    @Override
    public long getDuplicateFindings() {
        return duplicates.get();
    }

    @Override
    public long getUnbatchedWriteFindings() {
        return unbatchedWrites.get();
    }

    @Override
    public long getQueryBudgetFindings() {
        return overBudget.get();
    }
}
