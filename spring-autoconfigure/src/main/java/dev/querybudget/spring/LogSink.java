package dev.querybudget.spring;

import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The report of each request with findings on the {@code dev.querybudget} logger: at INFO in {@code log} mode, at
 * WARN in {@code warn} and {@code throw} mode — except a request that throw mode failed, whose
 * {@link QueryBudgetException} carries the report to the application's error handling.
 */
final class LogSink implements ScopeSink {

    private static final Log LOG = LogFactory.getLog("dev.querybudget");

    private final String mode;

    /** @param mode {@code log}, {@code warn} or {@code throw}: {@code querybudget.mode} */
    LogSink(String mode) {
        this.mode = mode;
    }

    @Override
    public void accept(FinishedScope scope) {
        if (!scope.report().hasFindings() || scope instanceof FinishedRequest request
                && QueryBudgetException.class.getName().equals(request.exception())) {
            return;
        }
        if (mode.equals("log")) {
            LOG.info(scope.report().format());
        } else {
            LOG.warn(scope.report().format());
        }
    }
}
