package dev.querybudget.report;

import dev.querybudget.BudgetFinding;
import dev.querybudget.CallSite;
import dev.querybudget.CallSiteCount;
import dev.querybudget.Certainty;
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
 *   fingerprint: 3c5f2a9d41b0e877
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
                    if (shape.callSite() != null) {
                        text.append("\n            at ").append(TextSafety.printable(shape.callSite().toString()));
                    }
                }
            }
            if (budget.onceOnly() > 0) {
                text.append(budget.topShapes().isEmpty() ? "\n  ran most: " : "\n    ")
                        .append(budget.onceOnly() == 1 ? "1 statement" : budget.onceOnly() + " statements")
                        .append(" of shapes that ran once each, not listed");
            }
        } else if (finding instanceof ShapeFinding shape) {
            line(text, "shape", shape.sql());
            if (shape.association() != null) {
                line(text, "loads", shape.association());
            }
            if (shape.certainty() != null && shape.precedingRows() >= 0) {
                line(text, "evidence", evidence(shape));
            }
            List<CallSiteCount> sites = shape.callSites();
            if (sites.size() > 1) {
                line(text, "call site", sites.get(0).toString());
                for (int k = 1; k < sites.size(); k++) {
                    line(text, "", sites.get(k).toString());
                }
            } else {
                line(text, "call site", shape.callSite() != null ? shape.callSite().toString()
                        : "unknown (no application frame on the stack" + (shape.context() == null ? ")"
                        : ": " + shape.context() + ")"));
                List<CallSite> stack = shape.stack();
                for (int k = 1; k < stack.size(); k++) {
                    line(text, "", "via " + stack.get(k));
                }
            }
            if (shape.precedingShape() != null) {
                line(text, "after", shape.precedingShape().sql());
                if (shape.precedingCallSite() != null) {
                    line(text, "", "at " + shape.precedingCallSite());
                }
            }
            for (String sample : shape.parameterSamples()) {
                line(text, "parameters", sample);
            }
        }
        line(text, "fix", finding.hint());
        line(text, "fingerprint", finding.fingerprint());
        return text.toString();
    }

    /** Why an N+1 is confirmed or only likely, in the words of its counts. */
    private static String evidence(ShapeFinding finding) {
        long rows = finding.precedingRows();
        String ran = finding.count() + " of these ran";
        if (finding.certainty() == Certainty.CONFIRMED) {
            return "confirmed: the statement before returned " + rows + (rows == 1 ? " row" : " rows") + ", then "
                    + ran + ", one per row";
        }
        return "likely: the statement before returned " + rows + (rows == 1 ? " row" : " rows") + ", then " + ran;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("\n  ").append(label.isEmpty() ? "" : label + ":");
        text.append(" ".repeat(Math.max(1, 11 - (label.isEmpty() ? 0 : label.length() + 1))))
                .append(TextSafety.printable(value));
    }
}
