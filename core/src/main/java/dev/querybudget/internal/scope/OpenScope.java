package dev.querybudget.internal.scope;

import dev.querybudget.QueryBudgetSettings;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A scope while it is open: its name, its settings and what it has recorded. */
public final class OpenScope {

    private volatile String name;
    private final QueryBudgetSettings settings;
    /** {@code null} once the scope's report is made: a closed scope a thread still lists then holds next to nothing. */
    private ScopeRecording recording = new ScopeRecording();
    private final Thread owner;
    volatile boolean closed;

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(OpenScope.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    OpenScope(String name, QueryBudgetSettings settings, Thread owner) {
        this.name = name;
        this.settings = settings;
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public QueryBudgetSettings settings() {
        return settings;
    }

    /** What the scope recorded; {@code null} once {@link #release() released}. */
    public ScopeRecording recording() {
        return recording;
    }

    /**
     * Lets go of the recording once the scope is closed and its report made. A scope closed on another thread (the
     * agent reports a thread's scope early) stays in its owner's list until the owner next opens or closes one; this
     * keeps that at a few bytes, however many such threads there are.
     */
    public void release() {
        if (closed) {
            recording = null;
        }
    }

    Thread owner() {
        return owner;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the scope: {@code true} for the one call that did, {@code false} for any later one. */
    boolean markClosed() {
        return CLOSED.compareAndSet(this, false, true);
    }
}
