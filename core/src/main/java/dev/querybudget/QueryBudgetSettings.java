package dev.querybudget;

import java.util.List;
import java.util.Objects;

/**
 * How a scope records and what it reports. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * <p>A bad value throws {@link IllegalArgumentException} naming the setting, the value given and what is
 * accepted; the fronts translate that into their own option or attribute names.
 *
 * @param threshold             executions of one shape from one call site that make an N+1 or an unbatched
 *                              write (at least 2)
 * @param budget                statement limits
 * @param threadMode            which threads' statements the scope records
 * @param includeParameters     whether reports may show bind values (off: they never leave the JVM's memory)
 * @param applicationPackages   the application's packages: the call site is the first frame in one of them, when
 *                              any is given
 * @param ignoredFramePrefixes  packages or classes that are never a call site (besides the JDK, drivers, pools, ORMs
 *                              and frameworks QueryBudget already passes over), e.g. a query helper
 * @param ignoredCallSites      packages or classes: a finding whose call-site stack passes through one is dropped
 *
 * <p>Packages and classes match at a name boundary: {@code com.example.Helper} covers {@code com.example.Helper}
 * and its nested classes, not {@code com.example.HelperTests}; a name ending in {@code .} or {@code $} is a plain
 * prefix.
 * @param ignoredShapes         text fragments: a shape containing one is never a finding
 * @since 0.1.0
 */
public record QueryBudgetSettings(int threshold, Budget budget, ThreadMode threadMode, boolean includeParameters,
                                  List<String> applicationPackages, List<String> ignoredFramePrefixes,
                                  List<String> ignoredCallSites, List<String> ignoredShapes) {

    /** The N+1 threshold for tests. */
    public static final int DEFAULT_THRESHOLD = 3;

    private static final QueryBudgetSettings DEFAULTS = new QueryBudgetSettings(DEFAULT_THRESHOLD, Budget.NONE,
            ThreadMode.SCOPE_THREAD, false, List.of(), List.of(), List.of(), List.of());

    public QueryBudgetSettings {
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2, but was " + threshold);
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(threadMode, "threadMode");
        applicationPackages = List.copyOf(applicationPackages);
        ignoredFramePrefixes = List.copyOf(ignoredFramePrefixes);
        ignoredCallSites = List.copyOf(ignoredCallSites);
        ignoredShapes = ignoredShapes.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** Threshold 3, no budget, the scope's own thread, no bind values. */
    public static QueryBudgetSettings defaults() {
        return DEFAULTS;
    }

    public QueryBudgetSettings withThreshold(int value) {
        return new QueryBudgetSettings(value, budget, threadMode, includeParameters, applicationPackages,
                ignoredFramePrefixes, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withBudget(Budget value) {
        return new QueryBudgetSettings(threshold, value, threadMode, includeParameters, applicationPackages,
                ignoredFramePrefixes, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withThreadMode(ThreadMode value) {
        return new QueryBudgetSettings(threshold, budget, value, includeParameters, applicationPackages,
                ignoredFramePrefixes, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withIncludeParameters(boolean value) {
        return new QueryBudgetSettings(threshold, budget, threadMode, value, applicationPackages,
                ignoredFramePrefixes, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withApplicationPackages(List<String> value) {
        return new QueryBudgetSettings(threshold, budget, threadMode, includeParameters, value,
                ignoredFramePrefixes, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withIgnoredFramePrefixes(List<String> value) {
        return new QueryBudgetSettings(threshold, budget, threadMode, includeParameters, applicationPackages,
                value, ignoredCallSites, ignoredShapes);
    }

    public QueryBudgetSettings withIgnoredCallSites(List<String> value) {
        return new QueryBudgetSettings(threshold, budget, threadMode, includeParameters, applicationPackages,
                ignoredFramePrefixes, value, ignoredShapes);
    }

    public QueryBudgetSettings withIgnoredShapes(List<String> value) {
        return new QueryBudgetSettings(threshold, budget, threadMode, includeParameters, applicationPackages,
                ignoredFramePrefixes, ignoredCallSites, value);
    }
}
