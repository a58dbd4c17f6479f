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
import java.util.List;

/** A scope while it is open: its name, its settings and what it has recorded. */
public final class OpenScope {

    private volatile String name;
    private final QueryBudgetSettings settings;
    private final ScopeRecording recording = new ScopeRecording();
    private final Thread owner;
    volatile boolean closed;
    private volatile boolean failsOnFindings;

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

    public ScopeRecording recording() {
        return recording;
    }

    Thread owner() {
        return owner;
    }

    public boolean isClosed() {
        return closed;
    }

    /** From now on, {@link #violation} names the finding a statement makes fire. */
    public void failOnFindings() {
        failsOnFindings = true;
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
        boolean overBudget = Detector.isOverBudget(recording.counts(), settings);
        long executions = recording.count(shape);
        int threshold = settings.threshold();
        boolean crossing = executions == 2 || executions == threshold || executions > threshold
                && executions % threshold == 0 && Long.bitCount(executions / threshold) == 1;
        if (!overBudget && !crossing) {
            return null;
        }
        for (Finding finding : detect().findings()) {
            if (finding instanceof BudgetFinding || finding instanceof ShapeFinding found && found.shape().equals(shape)) {
                return finding;
            }
        }
        return null;
    }

    /** What the scope saw so far, with its findings. Detection never throws: a failure leaves no findings. */
    public ScopeReport detect() {
        return recording.read(all -> { // one lock for the whole report
            QueryCounts counts = recording.counts();
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
        });
    }

    /** Closes the scope: {@code true} for the one call that did, {@code false} for any later one. */
    boolean markClosed() {
        return CLOSED.compareAndSet(this, false, true);
    }
}
