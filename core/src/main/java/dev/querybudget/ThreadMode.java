package dev.querybudget;

/**
 * Which statements a scope records.
 *
 * @since 0.1.0
 */
public enum ThreadMode {
    /** Statements run on the thread that opened the scope (the default). */
    SCOPE_THREAD,
    /**
     * Statements run on any thread while the scope is open: for tests that call a server running on its own
     * threads. Two such scopes open at once both see every statement.
     */
    ALL_THREADS
}
