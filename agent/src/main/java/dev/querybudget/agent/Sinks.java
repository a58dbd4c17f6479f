package dev.querybudget.agent;

import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.report.JsonRenderer;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.spi.Failures;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a request's report goes: one block on standard error per request that has findings, one JSON line per
 * finding, Micrometer meters when the application has Micrometer, and JMX totals always.
 */
final class Sinks {

    private final boolean log;
    private final Path json;
    private final MicrometerMeters micrometer = new MicrometerMeters();
    private final QueryBudgetTotals totals;

    Sinks(ResolvedSettings options, QueryBudgetTotals totals) {
        this.log = options.get(Settings.LOG);
        String file = options.get(Settings.JSON);
        this.json = file == null ? null : Path.of(file);
        this.totals = totals;
    }

    void publish(ScopeReport report, String method, String route) {
        totals.record(report);
        micrometer.record(report, method, route);
        if (!report.hasFindings()) {
            return;
        }
        if (log) {
            System.err.println(report.format());
        }
        if (json != null) {
            writeJson(report, method, route);
        }
    }

    private synchronized void writeJson(ScopeReport report, String method, String route) {
        String timestamp = Instant.now().toString();
        try (BufferedWriter writer = Files.newBufferedWriter(json, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Finding finding : report.findings()) {
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("timestamp", timestamp);
                extra.put("method", method);
                extra.put("route", route);
                writer.write(JsonRenderer.render(finding, extra));
                writer.newLine();
            }
        } catch (IOException | RuntimeException failure) {
            Failures.report("writing findings to " + json, failure);
        }
    }
}
