package dev.querybudget.agent;

/**
 * The agent's scopes per thread ({@code outside-requests=per-thread}) as the JMX MXBean
 * {@code dev.querybudget:type=ThreadScopes}: how many are open, and how the limit on them has worked.
 *
 * @since 0.2.0
 */
public interface ThreadScopesMXBean {

    /** The thread scopes open now. */
    int getOpenScopes();

    /** The most thread scopes that were open at once since the agent started. */
    int getPeakOpenScopes();

    /** The most thread scopes that may be open at once: to open one more, the oldest is reported early. */
    int getMaxOpenScopes();

    /** The thread scopes reported early, while their thread still ran, to stay within {@link #getMaxOpenScopes()}. */
    long getScopesReportedEarly();
}
