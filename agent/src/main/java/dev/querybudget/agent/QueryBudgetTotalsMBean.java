package dev.querybudget.agent;

/** The JMX view of {@link QueryBudgetTotals}. */
public interface QueryBudgetTotalsMBean {

    long getRequests();

    long getStatements();

    long getNPlusOneFindings();

    long getDuplicateFindings();

    long getUnbatchedWriteFindings();

    long getQueryBudgetFindings();
}
