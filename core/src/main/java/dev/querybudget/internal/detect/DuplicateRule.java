package dev.querybudget.internal.detect;

import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link FindingKind#DUPLICATE}: a read run again with a parameter set it already ran with; one finding per shape,
 * naming every call site that took part (the one that ran a set first and those that ran it again), most first. A
 * call site the {@link NPlusOneRule} reported is not also a duplicate: asked after it, this rule passes over it.
 *
 * <p>The fix depends on where the repeats come from: one call site repeating itself is a loop (hoist the query out of
 * it); several call sites each reading the same row are several places that need one result (read it once and pass
 * it on, or keep it for the request).
 */
final class DuplicateRule extends ShapeRule {

    static final String LOOP_HINT = "run it once: keep the first result (a local variable or a cache) or hoist the"
            + " query out of the loop";
    static final String SITES_HINT = "the same row is read in several places: read it once and pass the result on,"
            + " or keep it for the request (a request-scoped cache, Spring's @Cacheable, Hibernate's persistence"
            + " context by loading it through the same EntityManager)";

    DuplicateRule() {
        super(FindingKind.DUPLICATE);
    }

    @Override
    public boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
        return stats.shape().type() == StatementType.SELECT && stats.repeatedExecutions() > 0;
    }

    @Override
    void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found) {
        List<SiteShare> all = SiteShare.of(stats);
        List<SiteShare> involved = new ArrayList<>(all.size());
        boolean nPlusOne = false;
        for (SiteShare site : all) {
            if (facts.reportedAt(FindingKind.N_PLUS_ONE, stats.shape(), site.stack())) {
                nPlusOne = true;
            } else if (stats.callSiteRepeated(site.index()) || stats.callSiteRanRepeatedFirst(site.index())
                    || site.index() == 0 && stats.unsampledRepeated()) {
                involved.add(site);
            }
        }
        if (involved.isEmpty()) {
            if (!nPlusOne) {
                addAtDominantSite(found, facts, stats, stats.singleExecutions()); // repeats past the samples
            }
            return;
        }
        long count = stats.singleExecutions();
        long distinct = stats.distinct();
        if (nPlusOne || involved.size() < all.size()) {
            count = 0;
            distinct = 0;
            for (SiteShare site : involved) {
                count += site.executions();
                distinct += site.distinct();
            }
            distinct = Math.max(1, Math.min(distinct, stats.distinct()));
        }
        boolean loop = involved.size() == 1 && (stats.callSiteRepeatedItself(involved.get(0).index())
                || !stats.callSiteRanRepeatedFirst(involved.get(0).index()) && !stats.unsampledRepeated());
        add(found, facts, stats, count, distinct, involved, loop ? LOOP_HINT : SITES_HINT, null, -1, null, null);
    }

    @Override
    String hint(Shape shape) {
        return LOOP_HINT;
    }

    @Override
    String summary(ShapeFinding finding) {
        int sites = finding.callSites().size();
        return ran(finding) + " with only " + sets(finding.distinctParameterSets())
                + (sites > 1 ? ", from " + sites + " call sites" : "") + " (" + millis(finding) + ")";
    }
}
