package dev.querybudget.report;

import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;

import java.util.List;
import java.util.Locale;

/**
 * Findings for people: what happened, where, and what to do about it. Bind values appear only in findings that
 * carry opted-in parameter samples.
 *
 * <pre>
 * N+1 query: select ran 10 times from one call site with 10 distinct parameter sets (1.2 ms)
 *   shape:     select oi1_0.order_id, oi1_0.id from order_item oi1_0 where oi1_0.order_id = ?
 *   call site: com.example.OrderService.listOrders(OrderService.java:42)
 *   after:     select o1_0.id, o1_0.customer_id from orders o1_0 where o1_0.customer_id = ?
 *   fix:       load the association with the query before the loop (JOIN FETCH or @EntityGraph), …
 * </pre>
 *
 * @since 0.1.0
 */
public final class FindingRenderer {

    private FindingRenderer() {
    }

    /** A scope's report: a header line with its counts, then each finding, numbered. */
    public static String render(ScopeReport report) {
        StringBuilder text = new StringBuilder("QueryBudget: ");
        int size = report.findings().size();
        text.append(size == 0 ? "no findings" : size == 1 ? "1 finding" : size + " findings")
                .append(" in \"").append(report.name()).append("\": ").append(report.counts());
        int number = 1;
        for (Finding finding : report.findings()) {
            text.append("\n\n").append(number++).append(". ").append(render(finding));
        }
        return text.toString();
    }

    /** One finding, several lines, no trailing line break. */
    public static String render(Finding finding) {
        StringBuilder text = new StringBuilder(finding.kind().title()).append(": ").append(summary(finding));
        if (finding.kind() == FindingKind.QUERY_BUDGET) {
            if (!finding.topShapes().isEmpty()) {
                text.append("\n  ran most:");
                for (ShapeCount shape : finding.topShapes()) {
                    text.append("\n    ").append(String.format(Locale.ROOT, "%5d × ", shape.count()))
                            .append(shape.shape().sql());
                }
            }
        } else {
            line(text, "shape", finding.sql());
            line(text, "call site", finding.callSite() == null ? "unknown (no application frame on the stack)"
                    : finding.callSite().toString());
            List<CallSite> stack = finding.stack();
            for (int k = 1; k < stack.size(); k++) {
                line(text, "", "via " + stack.get(k));
            }
            if (finding.precedingShape() != null) {
                line(text, "after", finding.precedingShape().sql());
            }
            for (String sample : finding.parameterSamples()) {
                line(text, "parameters", sample);
            }
        }
        line(text, "fix", finding.hint());
        return text.toString();
    }

    private static String summary(Finding finding) {
        String type = finding.kind() == FindingKind.QUERY_BUDGET ? "" : finding.shape().type().name().toLowerCase(Locale.ROOT);
        return switch (finding.kind()) {
            case N_PLUS_ONE -> type + " ran " + finding.count() + " times from one call site with "
                    + sets(finding.distinctParameterSets()) + " (" + millis(finding) + ")";
            case DUPLICATE -> type + " ran " + finding.count() + " times with only "
                    + sets(finding.distinctParameterSets()) + " (" + millis(finding) + ")";
            case UNBATCHED_WRITE -> type + " ran " + finding.count() + " times one row at a time, outside a batch ("
                    + millis(finding) + ")";
            case QUERY_BUDGET -> finding.count() + " " + ("total".equals(finding.budgetLimit()) ? "statements"
                    : finding.budgetLimit() + " statements") + " ran, the budget allows " + finding.budgetAllowed();
        };
    }

    private static String sets(long distinct) {
        return distinct == 1 ? "1 distinct parameter set" : distinct + " distinct parameter sets";
    }

    private static String millis(Finding finding) {
        return String.format(Locale.ROOT, "%.1f ms", finding.totalMillis());
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("\n  ").append(label.isEmpty() ? "" : label + ":");
        text.append(" ".repeat(Math.max(1, 11 - (label.isEmpty() ? 0 : label.length() + 1)))).append(value);
    }
}
