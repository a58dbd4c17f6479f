package dev.querybudget;

import dev.querybudget.report.FindingRenderer;

import java.sql.SQLException;

/**
 * Thrown by the JDBC call that made a finding fire in a scope that fails on findings
 * ({@link QueryScope#failOnFindings(boolean)}; the Spring starter's {@code querybudget.mode=throw}). It is an
 * {@link SQLException}, thrown after the statement ran and before its result is handed back, so the application's
 * transaction rolls back as for any failed statement: nothing the request wrote is committed, and a client that
 * retries does not write it twice. Its message is the finding's report, without bind values.
 *
 * @since 0.2.0
 */
public final class QueryBudgetExceededException extends SQLException {

    /** The SQL state of this exception: class {@code QB}, QueryBudget's own. */
    public static final String SQL_STATE = "QB001";

    private final transient Finding finding;

    public QueryBudgetExceededException(Finding finding) {
        super("QueryBudget failed the statement that made this finding fire, as its scope fails on findings:\n"
                + FindingRenderer.render(finding), SQL_STATE);
        this.finding = finding;
    }

    /** The finding the statement made fire. */
    public Finding finding() {
        return finding;
    }
}
