package dev.querybudget.junit;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.report.FindingRenderer;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The assertions' failure messages, each in one factory (AssertJ's {@code ShouldHaveSize} style). */
final class QueryMessages {

    private static final int TOP = 5;

    private QueryMessages() {
    }

    static ErrorMessageFactory shouldHaveCount(ScopeReport report, String type, long expected) {
        return message("Expecting the block to run " + expected + " " + type + plural(expected) + " but it ran "
                + report.counts() + ranMost(report));
    }

    static ErrorMessageFactory shouldHaveCountAtMost(ScopeReport report, long limit) {
        return message("Expecting the block to run at most " + limit + " " + plural(limit) + " but it ran "
                + report.counts() + ranMost(report));
    }

    static ErrorMessageFactory shouldHaveNoFindings(ScopeReport report, FindingKind kind) {
        List<Finding> findings = kind == null ? report.findings() : report.findings(kind);
        String what = kind == null ? "no finding" : "no " + kind.title();
        StringBuilder text = new StringBuilder("Expecting the block to run ").append(what).append(", but it ran ")
                .append(findings.size()).append(findings.size() == 1 ? ":" : " of them:");
        int number = 1;
        for (Finding finding : findings) {
            text.append("\n\n").append(number++).append(". ").append(FindingRenderer.render(finding));
        }
        return message(text.toString());
    }

    static ErrorMessageFactory shouldHaveNPlusOneOn(ScopeReport report, String sql) {
        List<ShapeFinding> found = report.shapeFindings(FindingKind.N_PLUS_ONE);
        return message("Expecting an N+1 query on\n  " + sql + "\nbut " + (found.isEmpty() ? "the block ran none."
                : "the block ran them only on\n  " + String.join("\n  ", found.stream().map(ShapeFinding::sql).toList())));
    }

    static ErrorMessageFactory shouldNotGrow(int small, int large, Map<String, long[]> grown) {
        StringBuilder text = new StringBuilder("Expecting the same statements for a fixture of ").append(small)
                .append(" and of ").append(large).append(", but ").append(grown.size() == 1 ? "this shape" : "these shapes")
                .append(" ran more often with the larger one (an N+1 grows with the data):");
        grown.forEach((sql, counts) -> text.append(String.format(Locale.ROOT, "%n  %5d → %5d  ", counts[0], counts[1]))
                .append(sql));
        return message(text.toString());
    }

    private static String ranMost(ScopeReport report) {
        StringBuilder text = new StringBuilder();
        List<ShapeCount> shapes = report.shapes();
        if (!shapes.isEmpty()) {
            text.append("\nran most:");
            for (ShapeCount shape : shapes.subList(0, Math.min(TOP, shapes.size()))) {
                text.append(String.format(Locale.ROOT, "%n  %5d × ", shape.count())).append(shape.shape().sql());
            }
        }
        return text.toString();
    }

    private static String plural(long count) {
        return count == 1 ? "statement" : "statements";
    }

    /** A message with no AssertJ placeholders: '%' in SQL must not be read as one. */
    private static ErrorMessageFactory message(String text) {
        return new BasicErrorMessageFactory("%s", new UnquotedText(text));
    }

    /** Text AssertJ prints as it is, without quotes. */
    private record UnquotedText(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
