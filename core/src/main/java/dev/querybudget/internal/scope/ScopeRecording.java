package dev.querybudget.internal.scope;

import dev.querybudget.CallSite;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;
import dev.querybudget.StatementType;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The statements one scope has seen, aggregated per shape. Memory is bounded: at most {@link #MAX_SHAPES}
 * shapes are tracked (statements of further shapes are only counted), and each {@link ShapeStats} is
 * fixed-size. Thread-safe: an every-thread scope is fed from many threads.
 */
public final class ScopeRecording {

    static final int MAX_SHAPES = 500;
    static final int MAX_DATA_SOURCES = 16;
    static final String OTHER_DATA_SOURCES = "other";
    private static final Comparator<ShapeCount> MOST_EXECUTED_FIRST = Comparator.comparingLong(ShapeCount::count)
            .reversed().thenComparing(count -> count.shape().sql());

    private static final int TYPES = StatementType.values().length;

    private final Map<Shape, ShapeStats> shapes = new HashMap<>();
    private final long[] perType = new long[TYPES];
    private long batches;
    private long failed;
    private long untracked;
    private Shape last;
    /** The rows of the last statement, when it was a query whose rows are counted. */
    private RowCount lastRows;
    /** Statements per DataSource name, in first-seen order: most scopes see one or two names. */
    private String[] dataSourceNames = new String[1];
    private long[] dataSourceStatements = new long[1];
    private int dataSourceCount;
    /** Set as the scope's report is made: a statement that arrives later is refused, not silently lost. */
    private boolean sealed;

    synchronized boolean wantsParameterSample(Shape shape) {
        ShapeStats stats = shapes.get(shape);
        return stats == null ? shapes.size() < MAX_SHAPES : stats.wantsParameterSample();
    }

    /**
     * Records one execution, unless the recording is {@linkplain #seal sealed}: {@code false} then. When the shape's
     * statistics want a call site for it (a repeat, sampled), it is taken from {@code callSite}, which walks the stack
     * once for all the scopes that record the execution.
     */
    synchronized boolean record(Shape shape, int listLength, long parameterHash, int batchRows, long nanos,
                                boolean failedOnServer, CallSites.Sample callSite, QueryBudgetSettings settings,
                                String parameterSample, String dataSource, RowCount rows, boolean sampleFirst) {
        if (sealed) {
            return false;
        }
        perType[shape.type().ordinal()]++;
        countDataSource(dataSource == null ? "dataSource" : dataSource);
        if (batchRows > 0) {
            batches++;
        }
        if (failedOnServer) {
            failed++;
        }
        ShapeStats stats = shapes.get(shape);
        if (stats == null) {
            if (shapes.size() >= MAX_SHAPES) {
                untracked++;
                last = shape;
                lastRows = rows;
                return true;
            }
            stats = new ShapeStats(shape, last, lastRows);
            shapes.put(shape, stats);
        }
        List<CallSite> stack = null;
        String context = null;
        if (shape.type() != StatementType.OTHER && stats.wantsCallSite(sampleFirst)) {
            stack = callSite.stack(settings);
            context = stack.isEmpty() ? callSite.context(settings) : null;
        }
        stats.record(parameterHash, batchRows, listLength, nanos, stack, context);
        if (parameterSample != null && stats.wantsParameterSample()) {
            stats.addParameterSample(parameterSample);
        }
        last = shape;
        lastRows = rows;
        return true;
    }

    private void countDataSource(String name) {
        String key = name;
        for (int k = 0; k < dataSourceCount; k++) {
            if (dataSourceNames[k].equals(key)) {
                dataSourceStatements[k]++;
                return;
            }
            if (k == MAX_DATA_SOURCES - 1) {
                key = OTHER_DATA_SOURCES; // past 16 names, every further one shares the 17th slot
            }
        }
        if (dataSourceCount == dataSourceNames.length) {
            dataSourceNames = Arrays.copyOf(dataSourceNames, Math.min(MAX_DATA_SOURCES + 1, dataSourceCount * 2));
            dataSourceStatements = Arrays.copyOf(dataSourceStatements, dataSourceNames.length);
        }
        dataSourceNames[dataSourceCount] = key;
        dataSourceStatements[dataSourceCount++] = 1;
    }

    /** How often {@code shape} ran in this scope (0 when it is not tracked). */
    synchronized long count(Shape shape) {
        ShapeStats stats = shapes.get(shape);
        return stats == null ? 0 : stats.count();
    }

    /** Statements per DataSource name, in first-seen order (at most 16 names, then {@code other}). */
    public synchronized Map<String, Long> dataSourceCounts() {
        if (dataSourceCount == 1) {
            return Map.of(dataSourceNames[0], dataSourceStatements[0]);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int k = 0; k < dataSourceCount; k++) {
            counts.put(dataSourceNames[k], dataSourceStatements[k]);
        }
        return counts;
    }

    public synchronized QueryCounts counts() {
        return new QueryCounts(perType[StatementType.SELECT.ordinal()], perType[StatementType.INSERT.ordinal()],
                perType[StatementType.UPDATE.ordinal()], perType[StatementType.DELETE.ordinal()],
                perType[StatementType.OTHER.ordinal()], batches, failed);
    }

    public synchronized long untracked() {
        return untracked;
    }

    /** Every tracked shape, most executed first (an immutable list). */
    public synchronized List<ShapeCount> shapeCounts() {
        if (shapes.size() <= 1) {
            return shapes.isEmpty() ? List.of() : List.of(shapeCount(shapes.values().iterator().next()));
        }
        List<ShapeCount> counts = new ArrayList<>(shapes.size());
        for (ShapeStats stats : shapes.values()) {
            counts.add(shapeCount(stats));
        }
        counts.sort(MOST_EXECUTED_FIRST);
        return List.copyOf(counts);
    }

    private static ShapeCount shapeCount(ShapeStats stats) {
        return new ShapeCount(stats.shape, stats.count, stats.distinct, stats.totalNanos, stats.dominantCallSite());
    }

    /**
     * Seals the recording and reads the per-shape statistics under its lock, as the scope's report is made: every
     * statement is either in what {@code reader} sees or refused by {@link #record}.
     */
    public synchronized <T> T seal(Function<Collection<ShapeStats>, T> reader) {
        sealed = true;
        return reader.apply(shapes.values());
    }

    /** Reads the per-shape statistics under this recording's lock (the detector's way in). */
    public synchronized <T> T read(Function<Collection<ShapeStats>, T> reader) {
        return reader.apply(shapes.values());
    }

    /** The entries this recording holds: shapes and the variable-size parts of each (for the bounded-memory check). */
    public synchronized Footprint footprint() {
        int entries = 0;
        for (ShapeStats stats : shapes.values()) {
            entries += stats.retainedEntries();
        }
        return new Footprint(shapes.size(), entries);
    }

    /** How much a recording retains: tracked shapes, and entries held by their variable-size parts. */
    public record Footprint(int shapes, int entries) {
    }
}
