package dev.querybudget.internal.detect;

import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementType;
import dev.querybudget.internal.scope.CallSites;
import dev.querybudget.internal.scope.ShapeStats;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A rule about one statement shape at a time. What every such rule shares: {@link StatementType#OTHER} statements
 * and the user's ignored shapes are never findings, a finding whose stack passes through an ignored call site is
 * dropped, and a kind's findings come most executed first.
 */
abstract class ShapeRule implements Rule {

    private static final Comparator<ShapeFinding> MOST_FIRST = Comparator.comparingLong(ShapeFinding::count)
            .reversed().thenComparing(ShapeFinding::sql);

    private final FindingKind kind;

    ShapeRule(FindingKind kind) {
        this.kind = kind;
    }

    @Override
    public final FindingKind kind() {
        return kind;
    }

    /** Adds to {@code found} the findings of one shape whose pre-check said yes. */
    abstract void detect(ShapeStats stats, ScopeFacts facts, List<ShapeFinding> found);

    /** What to do about a finding on {@code shape}. */
    abstract String hint(Shape shape);

    /** The headline after the kind's title, e.g. {@code select ran 500 times from one call site …}. */
    abstract String summary(ShapeFinding finding);

    @Override
    public final void detect(ScopeFacts facts) {
        List<ShapeFinding> found = new ArrayList<>();
        for (ShapeStats stats : facts.all) {
            if (stats.shape().type() != StatementType.OTHER && mayFireOn(stats, facts.settings)
                    && !isIgnored(stats.shape(), facts.settings)) {
                detect(stats, facts, found);
            }
        }
        found.sort(MOST_FIRST);
        facts.findings.addAll(found);
    }

    @Override
    public final String headline(Finding finding) {
        return kind().title() + ": " + summary((ShapeFinding) finding);
    }

    /**
     * Adds the finding of {@code count} executions of {@code stats} from the call site {@code stack}, unless the stack
     * passes through code the user set aside; says whether it did.
     */
    final boolean add(List<ShapeFinding> found, ScopeFacts facts, ShapeStats stats, long count, List<CallSite> stack) {
        for (CallSite frame : stack) {
            if (CallSites.startsWithAny(frame.className(), facts.settings.ignoredCallSites())) {
                return false;
            }
        }
        long distinct = Math.min(stats.distinct(), count);
        long nanos = stats.count() == 0 ? 0 : stats.totalNanos() * count / stats.count();
        found.add(new ShapeFinding(kind(), facts.scope, stats.shape(), count, distinct, nanos,
                stack.isEmpty() ? null : stack.get(0), stack, stats.preceding(), hint(stats.shape()),
                stats.parameterSamples()));
        return true;
    }

    /** The stack of the call site that ran {@code stats} most; empty when none was sampled. */
    static List<CallSite> dominantStack(ShapeStats stats) {
        int best = -1;
        for (int site = 0; site < stats.callSiteCount(); site++) {
            if (best < 0 || stats.estimatedExecutions(site) > stats.estimatedExecutions(best)) {
                best = site;
            }
        }
        return best < 0 ? List.of() : stats.callSiteStack(best);
    }

    /** {@code select ran 12 times}: the statement's type and its count, as every shape headline opens. */
    static String ran(ShapeFinding finding) {
        return finding.shape().type().name().toLowerCase(Locale.ROOT) + " ran " + finding.count() + " times";
    }

    static String sets(long distinct) {
        return distinct == 1 ? "1 distinct parameter set" : distinct + " distinct parameter sets";
    }

    static String millis(ShapeFinding finding) {
        return String.format(Locale.ROOT, "%.1f ms", finding.totalMillis());
    }

    private static boolean isIgnored(Shape shape, QueryBudgetSettings settings) {
        for (String fragment : settings.ignoredShapes()) {
            if (shape.sql().contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
