package dev.querybudget;

/**
 * How many executions of a finding's shape came from one call site.
 *
 * @param callSite              the application frame; {@code null} when no application frame was on the stack
 * @param count                 executions from that call site (the sampled ones exact, the rest shared out in
 *                              proportion: the counts of a finding's call sites add up to its count)
 * @param distinctParameterSets distinct bind-parameter sets among them
 * @since 0.3.0
 */
public record CallSiteCount(CallSite callSite, long count, long distinctParameterSets) {

    /** {@code com.example.OrderController.show(OrderController.java:42) × 6}. */
    @Override
    public String toString() {
        return (callSite == null ? "unknown call site" : callSite.toString()) + " × " + count;
    }
}
