package dev.querybudget.report;

import dev.querybudget.BudgetFinding;
import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.internal.detect.Detector;

import java.util.List;
import java.util.Locale;

/**
 * Findings for people: what happened, where, and what to do about it. Bind values appear only in findings that
 * carry opted-in parameter samples. Text that came from SQL or a request is escaped where it is appended, so it
 * cannot forge a line of the log or reach the terminal as a control sequence.
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
                .append(" in \"").append(TextSafety.printable(report.name())).append("\": ").append(report.counts());
        int number = 1;
        for (Finding finding : report.findings()) {
            text.append("\n\n").append(number++).append(". ").append(render(finding));
        }
        return text.toString();
    }

    /** One finding, several lines, no trailing line break. */
    public static String render(Finding finding) {
        StringBuilder text = new StringBuilder(TextSafety.printable(Detector.headline(finding)));
        if (finding instanceof BudgetFinding budget) {
            if (!budget.topShapes().isEmpty()) {
                text.append("\n  ran most:");
                for (ShapeCount shape : budget.topShapes()) {
                    text.append("\n    ").append(String.format(Locale.ROOT, "%5d × ", shape.count()))
                            .append(TextSafety.printable(shape.shape().sql()));
                }
            }
        } else if (finding instanceof ShapeFinding shape) {
            line(text, "shape", shape.sql());
            line(text, "call site", shape.callSite() == null ? "unknown (no application frame on the stack)"
                    : shape.callSite().toString());
            List<CallSite> stack = shape.stack();
            for (int k = 1; k < stack.size(); k++) {
                line(text, "", "via " + stack.get(k));
            }
            if (shape.precedingShape() != null) {
                line(text, "after", shape.precedingShape().sql());
            }
            for (String sample : shape.parameterSamples()) {
                line(text, "parameters", sample);
            }
        }
        line(text, "fix", finding.hint());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("\n  ").append(label.isEmpty() ? "" : label + ":");
        text.append(" ".repeat(Math.max(1, 11 - (label.isEmpty() ? 0 : label.length() + 1))))
                .append(TextSafety.printable(value));
    }
}
