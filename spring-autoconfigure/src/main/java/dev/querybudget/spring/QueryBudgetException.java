package dev.querybudget.spring;

import dev.querybudget.ScopeReport;

/**
 * Fails a request that has findings, in {@code querybudget.mode=throw}: for development and tests, where a failing
 * request is the point.
 *
 * @since 0.1.0
 */
public class QueryBudgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ScopeReport report;

    public QueryBudgetException(ScopeReport report) {
        super(report.format());
        this.report = report;
    }

    public ScopeReport getReport() {
        return report;
    }
}
