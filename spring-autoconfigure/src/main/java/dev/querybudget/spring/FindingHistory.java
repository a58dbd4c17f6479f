package dev.querybudget.spring;

import dev.querybudget.BudgetFinding;
import dev.querybudget.Finding;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.report.FindingRenderer;
import dev.querybudget.sink.FinishedRequest;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the actuator endpoint shows, kept in bounded memory: the most recent findings, and the shapes run most since
 * start-up (no bind values).
 */
final class FindingHistory implements ScopeSink {

    static final int RECENT_FINDINGS = 50;
    static final int TOP_SHAPES = 200;

    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final Map<String, long[]> shapes = new HashMap<>();

    @Override
    public synchronized void accept(FinishedScope scope) {
        for (ShapeCount shape : scope.report().shapes()) {
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
        for (Finding finding : scope.report().findings()) {
            recent.addFirst(entry(at, scope, finding));
            if (recent.size() > RECENT_FINDINGS) {
                recent.removeLast();
            }
        }
    }

    private static Map<String, Object> entry(String at, FinishedScope scope, Finding finding) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("timestamp", at);
        entry.put("scope", finding.scope());
        if (scope instanceof FinishedRequest request) {
            entry.put("status", request.status());
            entry.put("outcome", request.outcome().name());
            if (request.exception() != null) {
                entry.put("exception", request.exception());
            }
        }
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
        return entry;
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
}
