package dev.querybudget.spring;

import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code querybudget.request.queries} (distribution summary; tags {@code method}, {@code uri}, {@code datasource})
 * and {@code querybudget.findings} (counter; tags {@code kind}, {@code uri}). Tag values come from bounded sets:
 * HTTP methods, route templates, DataSource bean names, finding kinds — never SQL, never ids.
 */
final class RequestMetrics implements RequestReporter.ReportListener {

    private final ObjectProvider<MeterRegistry> registries;

    RequestMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void onReport(ScopeReport report, String method, String uri) {
        MeterRegistry registry = registries.getIfUnique();
        if (registry == null) {
            return;
        }
        if (report.dataSources().isEmpty()) {
            summary(registry, method, uri, "none").record(0);
        }
        report.dataSources().forEach((dataSource, count) -> summary(registry, method, uri, dataSource).record(count));
        for (Finding finding : report.findings()) {
            Counter.builder("querybudget.findings")
                    .description("QueryBudget findings, by kind and route")
                    .tags("kind", finding.kind().name(), "uri", uri)
                    .register(registry)
                    .increment();
        }
    }

    private static DistributionSummary summary(MeterRegistry registry, String method, String uri, String dataSource) {
        return DistributionSummary.builder("querybudget.request.queries")
                .description("Statements per request")
                .baseUnit("queries")
                .tags("method", method, "uri", uri, "datasource", dataSource)
                .register(registry);
    }
}
