package dev.querybudget.internal.scope;

import dev.querybudget.BudgetFinding;
import dev.querybudget.Finding;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ScopeReport;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.internal.FailOpen;
import dev.querybudget.internal.detect.Detector;
import dev.querybudget.internal.shape.Shape;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** A scope while it is open: its name, its settings and what it has recorded. */
public final class OpenScope {

    private volatile String name;
    private final QueryBudgetSettings settings;
    /** {@code null} once the scope's report is made: a closed scope a thread still lists then holds next to nothing. */
    private ScopeRecording recording = new ScopeRecording();
    private final Thread owner;
    volatile boolean closed;
    /** A scope the fallback opened for its thread alone (the agent's per-thread scope): never carried elsewhere. */
    volatile boolean staysOnThread;
    private volatile boolean failsOnFindings;
    /**
     * Whether the first execution of every shape carries a call site: exact call sites from a shape's first run, for
     * a test. Otherwise (requests, per-thread scopes, code's own scopes) only for shapes that have repeated in an
     * earlier scope of this JVM: most statements run once, and a stack walk costs more than the statement.
     */
    volatile boolean sampleFirstExecutions;

    private static final VarHandle CLOSED;

    /** See {@link #sampleFirstExecutions}. */
    public void sampleEveryFirstExecution() {
        sampleFirstExecutions = true;
    }

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

    /** From now on, {@link #violation} names the finding a statement makes fire. */
    public void failOnFindings(boolean fail) {
        failsOnFindings = fail;
    }

    boolean failsOnFindings() {
        return failsOnFindings;
    }

    /**
     * For a scope that fails on findings, after a statement of {@code shape} was recorded: the finding it made fire,
     * or {@code null}. Detection runs only where a finding can have appeared — a count over the budget, or the
     * shape's executions reaching 2 (a duplicate), the threshold, or a doubling of it after — so a long scope costs
     * a handful of detections, not one per statement.
     */
    Finding violation(Shape shape) {
        ScopeRecording recording = this.recording;
        if (recording == null) {
            return null;
        }
        boolean overBudget = Detector.isOverBudget(recording.counts(), settings);
        long executions = recording.count(shape);
        int threshold = settings.threshold();
        boolean crossing = executions == 2 || executions == threshold || executions > threshold
                && executions % threshold == 0 && Long.bitCount(executions / threshold) == 1;
        if (!overBudget && !crossing) {
            return null;
        }
        for (Finding finding : detect(recording, false).findings()) {
            if (finding instanceof BudgetFinding || finding instanceof ShapeFinding found && found.shape().equals(shape)) {
                return finding;
            }
        }
        return null;
    }

    /**
     * What the scope saw, with its findings; with {@code seal}, its final report: a statement that arrives after it
     * goes to another scope. Detection never throws: a failure leaves no findings.
     */
    public ScopeReport detect(boolean seal) {
        ScopeRecording recording = this.recording;
        return recording == null ? null : detect(recording, seal);
    }

    private ScopeReport detect(ScopeRecording recording, boolean seal) {
        Function<Collection<ShapeStats>, ScopeReport> report = all -> {
            QueryCounts counts = recording.counts(); // under the recording's one lock, with the statistics
            List<ShapeCount> shapes = recording.shapeCounts();
            List<Finding> findings;
            try {
                findings = Detector.detect(name, all, counts, shapes, settings);
            } catch (RuntimeException | StackOverflowError failure) {
                FailOpen.report("detecting findings", failure);
                findings = List.of();
            }
            return new ScopeReport(name, counts, shapes, findings, recording.untracked(),
                    recording.dataSourceCounts());
        };
        return seal ? recording.seal(report) : recording.read(report);
    }

    /** Closes the scope: {@code true} for the one call that did, {@code false} for any later one. */
    boolean markClosed() {
        return CLOSED.compareAndSet(this, false, true);
    }
}
