package dev.querybudget.internal.detect;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.internal.scope.ShapeStats;

/**
 * One kind of finding: the rule that finds it, with its cheap pre-check, its fix hint and the headline a text report
 * opens the finding with. The {@link Detector} asks every rule's pre-check and lets a rule detect only when its
 * pre-check said yes, so a new kind is one class (and its {@link FindingKind} constant), whatever its pre-check is
 * about: a count over a limit, a shape that repeats, a statement that is slow on its own.
 */
interface Rule {

    FindingKind kind();

    /** The pre-check on the scope's counts alone: whether they could make a finding of this kind. */
    default boolean mayFireOn(QueryCounts counts, QueryBudgetSettings settings) {
        return false;
    }

    /** The pre-check on one shape: whether its statistics could make a finding of this kind. Reads fields only. */
    default boolean mayFireOn(ShapeStats stats, QueryBudgetSettings settings) {
        return false;
    }

    /** Adds this kind's findings in the scope to {@code facts}, in report order. Asked after a pre-check said yes. */
    void detect(ScopeFacts facts);

    /** The line a text report opens the finding with, e.g. {@code N+1 query: select ran 500 times …}. */
    String headline(Finding finding);
}
