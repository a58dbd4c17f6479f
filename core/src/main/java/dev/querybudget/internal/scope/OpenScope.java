package dev.querybudget.internal.scope;

import dev.querybudget.QueryBudgetSettings;

/** A scope while it is open: its name, its settings and what it has recorded. */
public final class OpenScope {

    private volatile String name;
    private final QueryBudgetSettings settings;
    private final ScopeRecording recording = new ScopeRecording();
    private final Thread owner;
    volatile boolean closed;

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

    public ScopeRecording recording() {
        return recording;
    }

    Thread owner() {
        return owner;
    }

    public boolean isClosed() {
        return closed;
    }
}
