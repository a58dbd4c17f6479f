package dev.querybudget.internal.detect;

import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the rules read of a finished scope, and the findings the rules asked before have added. */
final class ScopeFacts {

    final String scope;
    final Collection<ShapeStats> all;
    final QueryCounts counts;
    /** Every tracked shape, most executed first. */
    final List<ShapeCount> shapes;
    final QueryBudgetSettings settings;
    final List<Finding> findings = new ArrayList<>();

    ScopeFacts(String scope, Collection<ShapeStats> all, QueryCounts counts, List<ShapeCount> shapes,
               QueryBudgetSettings settings) {
        this.scope = scope;
        this.all = all;
        this.counts = counts;
        this.shapes = shapes;
        this.settings = settings;
    }

    /** Whether a rule asked before reported {@code shape} as {@code kind} at the call site of {@code stack}. */
    boolean reportedAt(FindingKind kind, Shape shape, List<CallSite> stack) {
        for (Finding finding : findings) {
            if (finding.kind() == kind && finding instanceof ShapeFinding found && found.shape().equals(shape)
                    && ShapeStats.sameSite(found.stack(), stack)) {
                return true;
            }
        }
        return false;
    }
}
