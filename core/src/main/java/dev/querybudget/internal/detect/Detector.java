package dev.querybudget.internal.detect;

import dev.querybudget.Budget;
import dev.querybudget.BudgetFinding;
import dev.querybudget.BudgetLimit;
import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.scope.CallSites;
import dev.querybudget.internal.scope.ShapeStats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a scope's recording into findings, at scope end.
 *
 * <ul>
 *   <li>{@code N_PLUS_ONE}: a read shape run at least {@code threshold} times from one call site, with at least
 *       {@code threshold} distinct parameter sets. Not: pages (OFFSET, keyset), key-list fetches with two or more
 *       keys ({@code IN (…)}, {@code = ANY(?)}: the batch fetch that fixes an N+1).</li>
 *   <li>{@code DUPLICATE}: a read run again with a parameter set it already ran with, when it is not an N+1.</li>
 *   <li>{@code UNBATCHED_WRITE}: a write shape run at least {@code threshold} times outside a JDBC batch.</li>
 *   <li>{@code QUERY_BUDGET}: a count over its limit, one finding per limit.</li>
 * </ul>
 * Sequence calls, transaction control and other {@link StatementType#OTHER} statements are never findings.
 */
public final class Detector {

    private static final int TOP_SHAPES = 5;
    private static final Comparator<ShapeFinding> MOST_FIRST = Comparator.comparingLong(ShapeFinding::count)
            .reversed().thenComparing(ShapeFinding::sql);

    private Detector() {
    }

    /**
     * The findings of a scope's recording: its per-shape statistics, counts and shapes (most executed first), read
     * under the recording's lock.
     */
    public static List<Finding> detect(String scope, Collection<ShapeStats> all, QueryCounts counts,
                                       List<ShapeCount> shapes, QueryBudgetSettings settings) {
        List<Finding> findings = budgetFindings(scope, counts, shapes, settings.budget());
        List<Finding> shapeFindings = shapeFindings(scope, all, settings);
        if (findings.isEmpty()) {
            return shapeFindings;
        }
        findings.addAll(shapeFindings);
        return findings;
    }

    private static List<Finding> shapeFindings(String scope, Collection<ShapeStats> all, QueryBudgetSettings settings) {
        int threshold = settings.threshold();
        if (!anyCandidate(all, threshold)) {
            return List.of(); // the common request: no shape ran twice
        }
        List<ShapeFinding> nPlusOne = new ArrayList<>();
        List<ShapeFinding> duplicates = new ArrayList<>();
        List<ShapeFinding> unbatched = new ArrayList<>();
        for (ShapeStats stats : all) {
            StatementType type = stats.shape().type();
            if (type == StatementType.OTHER || isIgnored(stats, settings)) {
                continue;
            }
            if (type == StatementType.SELECT) {
                boolean reported = false;
                if (!stats.shape().isPaging() && !isKeyListFetch(stats) && stats.distinct() >= threshold) {
                    for (int site = 0; site < stats.callSiteCount(); site++) {
                        long executions = stats.estimatedExecutions(site);
                        if (executions >= threshold && add(nPlusOne, finding(FindingKind.N_PLUS_ONE, scope, stats,
                                Math.min(executions, stats.count()), stats.callSiteStack(site),
                                FixHints.nPlusOne(stats.shape())), settings)) {
                            reported = true;
                        }
                    }
                }
                if (!reported && stats.repeatedExecutions() > 0) {
                    add(duplicates, finding(FindingKind.DUPLICATE, scope, stats, stats.singleExecutions(),
                            dominantStack(stats), FixHints.duplicate()), settings);
                }
            } else if (stats.singleExecutions() >= threshold) {
                add(unbatched, finding(FindingKind.UNBATCHED_WRITE, scope, stats, stats.singleExecutions(),
                        dominantStack(stats), FixHints.unbatchedWrite()), settings);
            }
        }
        nPlusOne.sort(MOST_FIRST);
        duplicates.sort(MOST_FIRST);
        unbatched.sort(MOST_FIRST);
        List<Finding> findings = new ArrayList<>(nPlusOne);
        findings.addAll(duplicates);
        findings.addAll(unbatched);
        return findings;
    }

    /** Whether any shape could be a finding: a read run again, or a write run {@code threshold} times on its own. */
    private static boolean anyCandidate(Collection<ShapeStats> all, int threshold) {
        for (ShapeStats stats : all) {
            StatementType type = stats.shape().type();
            if (type == StatementType.SELECT ? stats.singleExecutions() >= 2
                    : type != StatementType.OTHER && stats.singleExecutions() >= threshold) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyListFetch(ShapeStats stats) {
        return stats.shape().hasKeyList() && stats.maxListLength() >= 2;
    }

    private static boolean isIgnored(ShapeStats stats, QueryBudgetSettings settings) {
        for (String fragment : settings.ignoredShapes()) {
            if (stats.shape().sql().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static boolean add(List<ShapeFinding> findings, ShapeFinding finding, QueryBudgetSettings settings) {
        for (CallSite frame : finding.stack()) {
            if (CallSites.startsWithAny(frame.className(), settings.ignoredCallSites())) {
                return false; // the finding comes from (or through) code the user set aside
            }
        }
        findings.add(finding);
        return true;
    }

    private static List<CallSite> dominantStack(ShapeStats stats) {
        int best = -1;
        for (int site = 0; site < stats.callSiteCount(); site++) {
            if (best < 0 || stats.estimatedExecutions(site) > stats.estimatedExecutions(best)) {
                best = site;
            }
        }
        return best < 0 ? List.of() : stats.callSiteStack(best);
    }

    private static ShapeFinding finding(FindingKind kind, String scope, ShapeStats stats, long count, List<CallSite> stack,
                                   String hint) {
        long distinct = Math.min(stats.distinct(), count);
        long nanos = stats.count() == 0 ? 0 : stats.totalNanos() * count / stats.count();
        return new ShapeFinding(kind, scope, stats.shape(), count, distinct, nanos,
                stack.isEmpty() ? null : stack.get(0), stack, stats.preceding(), hint, stats.parameterSamples());
    }

    private static List<Finding> budgetFindings(String scope, QueryCounts counts, List<ShapeCount> shapes,
                                                Budget budget) {
        if (!budget.isLimited()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<ShapeCount> top = shapes.subList(0, Math.min(TOP_SHAPES, shapes.size()));
        over(findings, scope, BudgetLimit.TOTAL, counts.total(), budget.total(), top);
        over(findings, scope, BudgetLimit.SELECT, counts.select(), budget.select(), top);
        over(findings, scope, BudgetLimit.INSERT, counts.insert(), budget.insert(), top);
        over(findings, scope, BudgetLimit.UPDATE, counts.update(), budget.update(), top);
        over(findings, scope, BudgetLimit.DELETE, counts.delete(), budget.delete(), top);
        return findings;
    }

    private static void over(List<Finding> findings, String scope, BudgetLimit limit, long count, int allowed,
                             List<ShapeCount> top) {
        if (allowed >= 0 && count > allowed) {
            findings.add(new BudgetFinding(scope, limit, count, allowed, top, FixHints.budget()));
        }
    }
}
