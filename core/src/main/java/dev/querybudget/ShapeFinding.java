package dev.querybudget;

import java.util.List;
import java.util.Objects;

/**
 * A finding about one statement shape run from one call site: an {@link FindingKind#N_PLUS_ONE N+1}, a
 * {@link FindingKind#DUPLICATE duplicate} or an {@link FindingKind#UNBATCHED_WRITE unbatched write}.
 *
 * @param kind                  what the problem is; never {@link FindingKind#QUERY_BUDGET}, which is a
 *                              {@link BudgetFinding}
 * @param scope                 the scope's name
 * @param shape                 the statement shape
 * @param count                 executions of the shape from the call site
 * @param distinctParameterSets distinct bind-parameter sets among those executions
 * @param totalNanos            time spent in those executions
 * @param callSite              the application frame they came from; {@code null} when no application frame was on
 *                              the stack
 * @param stack                 application frames from the call site outwards (at most five; empty when unknown)
 * @param precedingShape        the statement run just before the first of them; {@code null} when there was none
 * @param hint                  what to do about it
 * @param parameterSamples      a few bind-parameter sets, only when the scope opted in to them; otherwise empty
 * @param callSites             every call site the executions came from, most first, with its count (one entry for
 *                              an N+1; several for a duplicate read in several places); the counts add up to
 *                              {@code count}
 * @param association           the entity association an ORM loaded one by one ({@code PurchaseOrder.items}), or
 *                              {@code null} when none is known
 * @param certainty             for an N+1: {@link Certainty#CONFIRMED} when the statement before the loop returned as
 *                              many rows as the loop ran statements, else {@link Certainty#LIKELY}; {@code null} for
 *                              other kinds
 * @param precedingRows         the rows the statement before the loop returned; -1 when not counted
 * @param context               when {@code callSite} is {@code null}: what ran the statements instead (JSON
 *                              serialization or view rendering after the handler returned, a library method), or
 *                              {@code null}
 * @param precedingCallSite     for an N+1: the application frame that ran {@code precedingShape} (the query that loaded
 *                              the rows the loop went over), or {@code null} when it was not sampled: a test's scope
 *                              samples it always, a request's from the request after the N+1 was first found
 * @since 0.2.0
 */
public record ShapeFinding(FindingKind kind, String scope, StatementShape shape, long count,
                           long distinctParameterSets, long totalNanos, CallSite callSite, List<CallSite> stack,
                           StatementShape precedingShape, String hint, List<String> parameterSamples,
                           List<CallSiteCount> callSites, String association, Certainty certainty,
                           long precedingRows, String context, CallSite precedingCallSite)
        implements Finding {

    public ShapeFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(shape, "shape");
        if (kind == FindingKind.QUERY_BUDGET) {
            throw new IllegalArgumentException("a QUERY_BUDGET finding is a BudgetFinding, not a ShapeFinding");
        }
        stack = List.copyOf(stack);
        parameterSamples = List.copyOf(parameterSamples);
        callSites = List.copyOf(callSites);
    }

    /** A finding from one call site, without what 0.3 added (association, certainty, counted rows, context). */
    public ShapeFinding(FindingKind kind, String scope, StatementShape shape, long count, long distinctParameterSets,
                        long totalNanos, CallSite callSite, List<CallSite> stack, StatementShape precedingShape,
                        String hint, List<String> parameterSamples) {
        this(kind, scope, shape, count, distinctParameterSets, totalNanos, callSite, stack, precedingShape, hint,
                parameterSamples, List.of(new CallSiteCount(callSite, count, distinctParameterSets)), null, null, -1,
                null, null);
    }

    /** The shape's text. */
    public String sql() {
        return shape.sql();
    }

    public double totalMillis() {
        return totalNanos / 1_000_000.0;
    }

    /** The finding's stable identity (see {@link Finding#fingerprint()}). */
    @Override
    public String fingerprint() {
        return Fingerprints.of(this);
    }
}
