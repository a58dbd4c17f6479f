package dev.querybudget;

import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.ScopeKind;
import dev.querybudget.settings.Settings;

import java.util.List;
import java.util.Objects;

/**
 * How a scope records and what it reports. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * <p>A bad value throws {@link dev.querybudget.settings.InvalidSettingException} naming the setting, the value given
 * and what is accepted. The fronts build these from {@link dev.querybudget.settings.Settings}, the one table of
 * settings, through {@link ResolvedSettings#scopeSettings()}.
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

    public QueryBudgetSettings {
        Settings.THRESHOLD.check(threshold, "setting 'threshold'");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(threadMode, "threadMode");
        applicationPackages = List.copyOf(applicationPackages);
        ignoredFramePrefixes = List.copyOf(ignoredFramePrefixes);
        ignoredCallSites = List.copyOf(ignoredCallSites);
        ignoredShapes = ignoredShapes.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /**
     * The defaults of a test, as {@link dev.querybudget.settings.Settings} lists them: threshold 3, no budget, the
     * scope's own thread, no bind values. The same as {@link #forTests()}.
     */
    public static QueryBudgetSettings defaults() {
        return forTests();
    }

    /** The defaults of a test scope: threshold 3, no budget. */
    public static QueryBudgetSettings forTests() {
        return Defaults.TEST;
    }

    /** The defaults of a request scope in a running application: threshold 5, a budget of 10 statements. */
    public static QueryBudgetSettings forRequests() {
        return Defaults.REQUEST;
    }

    /** Built on first use, once the settings table is there. */
    private static final class Defaults {
        static final QueryBudgetSettings TEST = ResolvedSettings.defaults(ScopeKind.TEST);
        static final QueryBudgetSettings REQUEST = ResolvedSettings.defaults(ScopeKind.REQUEST);
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
