package dev.querybudget.internal.detect;

import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;
import dev.querybudget.internal.scope.ShapeStats;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scope's recording into findings, at scope end, by asking each {@link Rule} in turn: the budget, then N+1,
 * duplicates, unbatched writes. Each rule's findings follow the findings of the rules before it.
 *
 * <p>First every rule's pre-check, in one pass over the shapes; a rule detects only when its own pre-check said yes.
 * The common scope, where no shape repeats and no count is over its limit, ends after that pass, with no allocation.
 */
public final class Detector {

    private static final QueryBudgetRule BUDGET = new QueryBudgetRule();
    private static final Detector STANDARD = new Detector(List.of(BUDGET, new NPlusOneRule(),
            new DuplicateRule(), new UnbatchedWriteRule()));

    private final Rule[] rules;
    private final int everyRule;
    private final Map<FindingKind, Rule> byKind = new EnumMap<>(FindingKind.class);

    /** A detector with {@code rules}, asked in that order (at most 31). */
    Detector(List<Rule> rules) {
        if (rules.size() > 31) {
            throw new IllegalArgumentException("at most 31 rules, but were " + rules.size());
        }
        this.rules = rules.toArray(new Rule[0]);
        this.everyRule = (1 << this.rules.length) - 1;
        for (Rule rule : rules) {
            byKind.putIfAbsent(rule.kind(), rule);
        }
    }

    /**
     * The findings of a scope's recording: its per-shape statistics, counts and shapes (most executed first), read
     * under the recording's lock.
     */
    public static List<Finding> detect(String scope, Collection<ShapeStats> all, QueryCounts counts,
                                       List<ShapeCount> shapes, QueryBudgetSettings settings) {
        return STANDARD.findings(scope, all, counts, shapes, settings);
    }

    /** Whether {@code counts} are over a limit of the budget in {@code settings}. */
    public static boolean isOverBudget(QueryCounts counts, QueryBudgetSettings settings) {
        return BUDGET.mayFireOn(counts, settings);
    }

    /** The line a text report opens {@code finding} with, worded by the rule of its kind. */
    public static String headline(Finding finding) {
        return STANDARD.byKind.get(finding.kind()).headline(finding);
    }

    List<Finding> findings(String scope, Collection<ShapeStats> all, QueryCounts counts, List<ShapeCount> shapes,
                           QueryBudgetSettings settings) {
        int asked = askedRules(all, counts, settings);
        if (asked == 0) {
            return List.of();
        }
        ScopeFacts facts = new ScopeFacts(scope, all, counts, shapes, settings);
        for (int r = 0; r < rules.length; r++) {
            if ((asked & 1 << r) != 0) {
                rules[r].detect(facts);
            }
        }
        return facts.findings;
    }

    /** The rules whose pre-check said yes, one bit each. */
    private int askedRules(Collection<ShapeStats> all, QueryCounts counts, QueryBudgetSettings settings) {
        int asked = 0;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].mayFireOn(counts, settings)) {
                asked |= 1 << r;
            }
        }
        for (ShapeStats stats : all) {
            if (asked == everyRule) {
                break;
            }
            for (int r = 0; r < rules.length; r++) {
                if ((asked & 1 << r) == 0 && rules[r].mayFireOn(stats, settings)) {
                    asked |= 1 << r;
                }
            }
        }
        return asked;
    }
}
