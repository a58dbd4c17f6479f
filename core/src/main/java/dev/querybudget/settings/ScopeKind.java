package dev.querybudget.settings;

/**
 * The two kinds of scope a setting can have a different default for.
 *
 * @since 0.2.0
 */
public enum ScopeKind {
    /** An HTTP request, or a thread's work outside requests, in a running application (agent, starter). */
    REQUEST,
    /** A test method (JUnit extension), or a block recorded with {@code QueryRecorder.record}. */
    TEST
}
