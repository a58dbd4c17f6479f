package dev.querybudget.internal.detect;

import dev.querybudget.CallSite;
import dev.querybudget.internal.scope.ShapeStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One call site's share of a shape's executions, as the rules read it: its executions and distinct parameter sets
 * (exact within the sampling's eager window, estimated beyond it), its stack, and what ran it when the stack holds no
 * application frame.
 */
record SiteShare(int index, long executions, long distinct, List<CallSite> stack, String context) {

    private static final Comparator<SiteShare> MOST_FIRST = Comparator.comparingLong(SiteShare::executions).reversed()
            .thenComparingInt(SiteShare::index);

    /** Every sampled call site of {@code stats}, most executions first. */
    static List<SiteShare> of(ShapeStats stats) {
        long[] executions = stats.estimatedExecutions();
        long[] distinct = stats.estimatedDistinct(executions);
        List<SiteShare> sites = new ArrayList<>(executions.length);
        for (int k = 0; k < executions.length; k++) {
            sites.add(new SiteShare(k, executions[k], distinct[k], stats.callSiteStack(k), stats.callSiteContext(k)));
        }
        sites.sort(MOST_FIRST);
        return sites;
    }
}
