package dev.querybudget.junit;

import dev.querybudget.Budget;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ThreadMode;
import dev.querybudget.junit.QueryBudget.Action;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One test's resolved budget: the annotation over the configuration parameters over the defaults. Every bad value
 * is an {@link ExtensionConfigurationException} that names the attribute or parameter, the value, and what is
 * accepted.
 */
record TestBudget(QueryBudgetSettings settings, Action nPlusOne, Action duplicates, Action unbatchedWrites) {

    static final String THRESHOLD = "querybudget.threshold";
    static final String N_PLUS_ONE = "querybudget.n-plus-one";
    static final String DUPLICATES = "querybudget.duplicates";
    static final String UNBATCHED_WRITES = "querybudget.unbatched-writes";
    static final String THREADS = "querybudget.threads";
    static final String INCLUDE_PARAMETERS = "querybudget.include-parameters";
    static final String APPLICATION_PACKAGES = "querybudget.application-packages";
    static final String IGNORED_FRAMES = "querybudget.ignored-frames";

    /** What a finding of {@code kind} does to the test; a budget always fails it. */
    Action actionFor(FindingKind kind) {
        return switch (kind) {
            case N_PLUS_ONE -> nPlusOne;
            case DUPLICATE -> duplicates;
            case UNBATCHED_WRITE -> unbatchedWrites;
            case QUERY_BUDGET -> Action.FAIL;
        };
    }

    static TestBudget resolve(QueryBudget annotation, Function<String, Optional<String>> parameters) {
        int threshold = parameters.apply(THRESHOLD).map(value -> parseThreshold(value)).orElse(
                QueryBudgetSettings.DEFAULT_THRESHOLD);
        Action nPlusOne = parameters.apply(N_PLUS_ONE).map(value -> parseAction(N_PLUS_ONE, value)).orElse(Action.FAIL);
        Action duplicates = parameters.apply(DUPLICATES).map(value -> parseAction(DUPLICATES, value))
                .orElse(Action.REPORT);
        Action unbatched = parameters.apply(UNBATCHED_WRITES).map(value -> parseAction(UNBATCHED_WRITES, value))
                .orElse(Action.REPORT);
        ThreadMode threads = parameters.apply(THREADS).map(TestBudget::parseThreads).orElse(ThreadMode.SCOPE_THREAD);
        boolean includeParameters = parameters.apply(INCLUDE_PARAMETERS).map(TestBudget::parseBoolean).orElse(false);
        List<String> packages = parameters.apply(APPLICATION_PACKAGES).map(TestBudget::parseList).orElse(List.of());
        List<String> ignoredFrames = parameters.apply(IGNORED_FRAMES).map(TestBudget::parseList).orElse(List.of());
        Budget budget = Budget.NONE;
        if (annotation == null) {
            // @QuerySnapshot alone: the snapshot is the contract; findings are only reported.
            nPlusOne = nPlusOne == Action.IGNORE ? Action.IGNORE : Action.REPORT;
            duplicates = duplicates == Action.IGNORE ? Action.IGNORE : Action.REPORT;
            unbatched = unbatched == Action.IGNORE ? Action.IGNORE : Action.REPORT;
        } else {
            budget = new Budget(limit("max", annotation.max()), limit("select", annotation.select()),
                    limit("insert", annotation.insert()), limit("update", annotation.update()),
                    limit("delete", annotation.delete()));
            if (annotation.threshold() != QueryBudget.UNLIMITED) {
                if (annotation.threshold() < 2) {
                    throw new ExtensionConfigurationException("@QueryBudget requires that `threshold` be at least 2, but"
                            + " was " + annotation.threshold());
                }
                threshold = annotation.threshold();
            }
            nPlusOne = annotation.nPlusOne() == Action.DEFAULT ? nPlusOne : annotation.nPlusOne();
            duplicates = annotation.duplicates() == Action.DEFAULT ? duplicates : annotation.duplicates();
            unbatched = annotation.unbatchedWrites() == Action.DEFAULT ? unbatched : annotation.unbatchedWrites();
            threads = switch (annotation.threads()) {
                case DEFAULT -> threads;
                case TEST -> ThreadMode.SCOPE_THREAD;
                case ALL -> ThreadMode.ALL_THREADS;
            };
        }
        QueryBudgetSettings settings = QueryBudgetSettings.defaults().withThreshold(threshold).withBudget(budget)
                .withThreadMode(threads).withIncludeParameters(includeParameters).withApplicationPackages(packages)
                .withIgnoredFramePrefixes(ignoredFrames);
        return new TestBudget(settings, nPlusOne, duplicates, unbatched);
    }

    private static int limit(String attribute, int value) {
        if (value < QueryBudget.UNLIMITED) {
            throw new ExtensionConfigurationException("@QueryBudget requires that `" + attribute + "` be at least 0"
                    + " (or -1 for no limit), but was " + value);
        }
        return value;
    }

    private static List<String> parseList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static int parseThreshold(String value) {
        try {
            int threshold = Integer.parseInt(value.trim());
            if (threshold >= 2) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(THRESHOLD, value, "a whole number of at least 2");
    }

    private static Action parseAction(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> Action.FAIL;
            case "report" -> Action.REPORT;
            case "ignore" -> Action.IGNORE;
            default -> throw invalid(key, value, "fail, report or ignore");
        };
    }

    private static ThreadMode parseThreads(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "test" -> ThreadMode.SCOPE_THREAD;
            case "all" -> ThreadMode.ALL_THREADS;
            default -> throw invalid(THREADS, value, "test or all");
        };
    }

    private static boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(INCLUDE_PARAMETERS, value, "true or false");
        };
    }

    private static ExtensionConfigurationException invalid(String key, String value, String accepted) {
        return new ExtensionConfigurationException("Configuration parameter `" + key + "` accepts " + accepted
                + ", but was '" + value + "'");
    }
}
