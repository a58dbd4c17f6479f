package dev.querybudget;

import dev.querybudget.report.FindingRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a closed scope saw: its counts, its shapes and its findings.
 *
 * @param shapes      every tracked shape, most executed first
 * @param untracked   statements not given a shape of their own because the scope already tracked the most
 *                    shapes it keeps (they are still in the counts)
 * @param dataSources statements per DataSource name (the bean name under the Spring starter)
 * @since 0.1.0
 */
public record ScopeReport(String name, QueryCounts counts, List<ShapeCount> shapes, List<Finding> findings,
                          long untracked, Map<String, Long> dataSources) {

    public ScopeReport {
        shapes = List.copyOf(shapes);
        findings = List.copyOf(findings);
        dataSources = dataSources.size() <= 1 ? Map.copyOf(dataSources)
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dataSources));
    }

    /** The same report with only {@code kept} as its findings. */
    public ScopeReport withFindings(List<Finding> kept) {
        return new ScopeReport(name, counts, shapes, kept, untracked, dataSources);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * The findings of {@code kind} about one statement shape each (N+1, duplicates, unbatched writes); empty for
     * {@link FindingKind#QUERY_BUDGET}, whose findings are {@link #budgetFindings()}.
     *
     * @since 0.2.0
     */
    public List<ShapeFinding> shapeFindings(FindingKind kind) {
        List<ShapeFinding> found = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding instanceof ShapeFinding shape && shape.kind() == kind) {
                found.add(shape);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The findings over the scope's budget, one per limit it is over.
     *
     * @since 0.2.0
     */
    public List<BudgetFinding> budgetFindings() {
        List<BudgetFinding> found = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding instanceof BudgetFinding budget) {
                found.add(budget);
            }
        }
        return List.copyOf(found);
    }

    /** The human report: a header line, then each finding. */
    public String format() {
        return FindingRenderer.render(this);
    }
}
