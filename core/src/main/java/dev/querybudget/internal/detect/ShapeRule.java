package dev.querybudget.internal.detect;

import dev.querybudget.CallSite;
import dev.querybudget.CallSiteCount;
import dev.querybudget.Certainty;
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
 * A rule about one statement shape at a time. What every such rule shares: {@link StatementType#OTHER} statements,
 * connection validation and keep-alive queries ({@code select 1}) and the user's ignored shapes are never findings, a finding whose stack passes through an ignored call site is
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
            if (stats.shape().type() != StatementType.OTHER && !stats.shape().isKeepAlive()
                    && mayFireOn(stats, facts.settings)
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
     * Adds the finding of {@code count} executions of {@code stats} with {@code distinct} parameter sets from the call
     * sites {@code sites} (most first), less those whose stack passes through code the user set aside; says whether
     * it did (not when every site was set aside).
     */
    final boolean add(List<ShapeFinding> found, ScopeFacts facts, ShapeStats stats, long count, long distinct,
                      List<SiteShare> sites, String hint, Certainty certainty, long precedingRows,
                      String association, CallSite precedingCallSite) {
        List<SiteShare> kept = new ArrayList<>(sites.size());
        for (SiteShare site : sites) {
            if (!isIgnoredCallSite(site.stack(), facts.settings)) {
                kept.add(site);
            }
        }
        if (kept.isEmpty() && !sites.isEmpty()) {
            return false;
        }
        List<CallSite> stack = kept.isEmpty() ? List.of() : kept.get(0).stack();
        String context = kept.isEmpty() ? null : kept.get(0).context();
        List<CallSiteCount> counts = new ArrayList<>(kept.size());
        for (SiteShare site : kept) {
            counts.add(new CallSiteCount(distinguishingFrame(site, kept), site.executions(), site.distinct()));
        }
        long nanos = stats.count() == 0 ? 0 : stats.totalNanos() * count / stats.count();
        found.add(new ShapeFinding(kind(), facts.scope, stats.shape(), count, Math.min(distinct, count), nanos,
                stack.isEmpty() ? null : stack.get(0), stack, stats.preceding(), hint, stats.parameterSamples(),
                counts, association, certainty, precedingRows, context, precedingCallSite));
        return true;
    }

    /** A finding from the call site that ran {@code stats} most, the shape's own hint, nothing ORM-specific. */
    final void addAtDominantSite(List<ShapeFinding> found, ScopeFacts facts, ShapeStats stats, long count) {
        List<SiteShare> sites = SiteShare.of(stats);
        add(found, facts, stats, count, stats.distinct(), sites.isEmpty() ? sites : sites.subList(0, 1),
                hint(stats.shape()), null, -1, null, null);
    }

    /**
     * The frame that tells {@code site} from the other {@code sites}: its call site, unless another site shares it (two
     * methods calling one DAO helper), then the first frame outwards where they part.
     */
    private static CallSite distinguishingFrame(SiteShare site, List<SiteShare> sites) {
        List<CallSite> stack = site.stack();
        for (int depth = 0; depth < stack.size(); depth++) {
            boolean shared = false;
            for (SiteShare other : sites) {
                if (other != site && depth < other.stack().size() && other.stack().get(depth).equals(stack.get(depth))) {
                    shared = true;
                    break;
                }
            }
            if (!shared) {
                return stack.get(depth);
            }
        }
        return stack.isEmpty() ? null : stack.get(0);
    }

    private static boolean isIgnoredCallSite(List<CallSite> stack, QueryBudgetSettings settings) {
        for (CallSite frame : stack) {
            if (CallSites.startsWithAny(frame.className(), settings.ignoredCallSites())) {
                return true;
            }
        }
        return false;
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
