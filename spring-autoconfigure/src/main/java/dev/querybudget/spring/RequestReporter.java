package dev.querybudget.spring;

import dev.querybudget.BudgetFinding;
import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.report.FindingRenderer;
import dev.querybudget.spi.Failures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the request scopes' reports go: the log (or an exception, by {@code querybudget.mode}), the
 * {@link ReportListener}s (Micrometer), and two bounded views for the actuator endpoint — the recent findings and
 * the shapes run most since start-up.
 */
final class RequestReporter {

    static final int RECENT_FINDINGS = 50;
    static final int TOP_SHAPES = 200;

    private static final Log LOG = LogFactory.getLog("dev.querybudget");

    private final String mode;
    private final List<ReportListener> listeners;
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final Map<String, long[]> shapes = new HashMap<>();

    /** @param mode {@code log}, {@code warn} or {@code throw}: {@code querybudget.mode} */
    RequestReporter(String mode, List<ReportListener> listeners) {
        this.mode = mode;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether a request with findings fails ({@code querybudget.mode=throw}). */
    boolean throwsOnFindings() {
        return mode.equals("throw");
    }

    /** Publishes a request's report; in {@code throw} mode, a report with findings throws afterwards. */
    void publish(ScopeReport report, String method, String uri) {
        try {
            for (ReportListener listener : listeners) {
                listener.onReport(report, method, uri);
            }
            remember(report);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("publishing a request's report", failure); // never fails the request
        }
        if (!report.hasFindings()) {
            return;
        }
        switch (mode) {
            case "warn" -> LOG.warn(report.format());
            case "throw" -> throw new QueryBudgetException(report);
            default -> LOG.info(report.format());
        }
    }

    private synchronized void remember(ScopeReport report) {
        for (ShapeCount shape : report.shapes()) {
            long[] count = shapes.get(shape.shape().sql());
            if (count == null && shapes.size() < TOP_SHAPES) {
                count = new long[1];
                shapes.put(shape.shape().sql(), count);
            }
            if (count != null) {
                count[0] += shape.count();
            }
        }
        String at = Instant.now().toString();
        for (Finding finding : report.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("timestamp", at);
            entry.put("scope", finding.scope());
            entry.put("kind", finding.kind().name());
            if (finding instanceof ShapeFinding shape) {
                entry.put("sql", shape.sql());
                entry.put("count", shape.count());
                entry.put("distinctParameterSets", shape.distinctParameterSets());
                if (shape.callSite() != null) {
                    entry.put("callSite", shape.callSite().toString());
                }
            } else if (finding instanceof BudgetFinding budget) {
                entry.put("count", budget.count());
                entry.put("limit", budget.limit().key());
                entry.put("allowed", budget.allowed());
            }
            entry.put("report", FindingRenderer.render(finding));
            recent.addFirst(entry);
            if (recent.size() > RECENT_FINDINGS) {
                recent.removeLast();
            }
        }
    }

    /** The most recent findings, newest first. */
    synchronized List<Map<String, Object>> recentFindings() {
        return new ArrayList<>(recent);
    }

    /** The shapes run most since start-up, with their executions. */
    synchronized List<Map<String, Object>> topShapes(int limit) {
        return shapes.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(limit)
                .map(entry -> {
                    Map<String, Object> shape = new LinkedHashMap<>();
                    shape.put("sql", entry.getKey());
                    shape.put("executions", entry.getValue()[0]);
                    return shape;
                })
                .toList();
    }

    /** Receives every request's report, e.g. to record metrics. */
    interface ReportListener {
        void onReport(ScopeReport report, String method, String uri);
    }
}
