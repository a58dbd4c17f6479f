package dev.querybudget.internal.detect;

import dev.querybudget.CallSite;
import dev.querybudget.Certainty;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.hibernate.Association;
import dev.querybudget.internal.hibernate.HibernateMappings;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.List;

/**
 * {@link FindingKind#N_PLUS_ONE}: a read shape run at least {@code threshold} times from one call site, with at least
 * {@code threshold} distinct parameter sets at that call site; one finding per such call site. Not: pages (OFFSET, keyset), key-list
 * fetches with two or more keys ({@code IN (…)}, {@code = ANY(?)}: the batch fetch that fixes an N+1).
 *
 * <p>For a statement Hibernate ORM issued, the association it was loading (from the mappings of the registered
 * SessionFactories) and the fix for that association; otherwise the general fix.
 *
 * <p>Confirmed when the statement run just before the loop returned as many rows as the call site ran statements (or
 * had distinct parameter sets): one statement per row of it. Otherwise likely.
 */
final class NPlusOneRule extends ShapeRule {

    NPlusOneRule() {
        super(FindingKind.N_PLUS_ONE);
    }

    @Override
    public boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
        return stats.shape().type() == StatementType.SELECT && stats.distinct() >= settings.threshold()
                && !stats.shape().isPaging();
    }

    @Override
    void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found) {
        if (stats.shape().hasKeyList() && stats.maxListLength() >= 2) {
            return; // the key-list fetch that fixes an N+1
        }
        int threshold = facts.settings.threshold();
        Association association = association(stats);
        String hint = association == null ? hint(stats.shape()) : AssociationHint.hint(association);
        String loads = association == null ? null : association.label();
        for (SiteShare site : SiteShare.of(stats)) {
            // Distinct sets are judged per call site: an identical statement repeated at one site is a duplicate.
            if (site.executions() >= threshold && site.distinct() >= threshold) {
                long rows = stats.precedingRows();
                Certainty certainty = rows > 0 && (site.executions() == rows || site.distinct() == rows)
                        ? Certainty.CONFIRMED : Certainty.LIKELY;
                add(found, facts, stats, site.executions(), site.distinct(), List.of(site), hint, certainty, rows,
                        loads, precedingCallSite(stats, facts));
            }
        }
    }

    /** The Hibernate ORM association the statements loaded, when a registered mapping explains them; else null. */
    private static Association association(ShapeStats stats) {
        if (!stats.shape().isHibernateGenerated()) {
            return null;
        }
        Shape preceding = stats.preceding();
        return HibernateMappings.associationFor(stats.shape().sql(), preceding == null ? null : preceding.sql());
    }

    /**
     * The application frame that ran the statement before the loop, when sampled; and from now on, the first execution
     * of that statement is sampled in every scope, so the next request names it too.
     */
    private static CallSite precedingCallSite(ShapeStats stats, ScopeFacts facts) {
        Shape preceding = stats.preceding();
        if (preceding == null) {
            return null;
        }
        preceding.markRepeated();
        for (ShapeStats other : facts.all) {
            if (other.shape().equals(preceding)) {
                return other.dominantCallSite();
            }
        }
        return null;
    }

    @Override
    String hint(Shape shape) {
        if (shape.isHibernateGenerated()) {
            return "load the association with the query before the loop (JOIN FETCH or @EntityGraph), or batch the"
                    + " lazy loads (@BatchSize, or hibernate.default_batch_fetch_size)";
        }
        return "load the rows in one query before the loop (a JOIN, or WHERE … IN (…) over all the keys) instead"
                + " of one query per row";
    }

    @Override
    String summary(ShapeFinding finding) {
        return ran(finding) + " from one call site with " + sets(finding.distinctParameterSets()) + " ("
                + millis(finding) + ")";
    }
}
