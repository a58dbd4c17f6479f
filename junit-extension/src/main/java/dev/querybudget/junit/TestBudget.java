package dev.querybudget.junit;

import dev.querybudget.Budget;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.junit.QueryBudget.Action;
import dev.querybudget.settings.Front;
import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.ScopeKind;
import dev.querybudget.settings.Setting;
import dev.querybudget.settings.SettingSource;
import dev.querybudget.settings.Settings;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One test's resolved budget: {@code @QueryBudget}'s attributes over the JUnit configuration parameters
 * ({@code querybudget.<setting>}) over the defaults for tests, all from core's one table of settings. A bad value is
 * an {@link ExtensionConfigurationException} that names the attribute or parameter, the value, and what is
 * accepted.
 */
record TestBudget(QueryBudgetSettings settings, Action nPlusOne, Action duplicates, Action unbatchedWrites,
                  ResolvedSettings resolved) {

    /** What a finding of {@code kind} does to the test; a budget always fails it. */
    Action actionFor(FindingKind kind) {
        return switch (kind) {
            case N_PLUS_ONE -> nPlusOne;
            case DUPLICATE -> duplicates;
            case UNBATCHED_WRITE -> unbatchedWrites;
            case QUERY_BUDGET -> Action.FAIL;
        };
    }

    /** Whether {@code @QuerySnapshot} rewrites its files ({@code querybudget.snapshots.update}). */
    boolean updateSnapshots() {
        return resolved.get(Settings.SNAPSHOTS_UPDATE);
    }

    /** Where the {@code @QuerySnapshot} files are ({@code querybudget.snapshots.dir}). */
    Path snapshotDirectory() {
        return Path.of(resolved.get(Settings.SNAPSHOTS_DIR));
    }

    static TestBudget resolve(QueryBudget annotation, Function<String, Optional<String>> parameters,
                              Class<?> testClass) {
        try {
            return resolveOrThrow(annotation, parameters, testClass);
        } catch (InvalidSettingException invalid) {
            throw new ExtensionConfigurationException(invalid.getMessage(), invalid);
        }
    }

    private static TestBudget resolveOrThrow(QueryBudget annotation, Function<String, Optional<String>> parameters,
                                             Class<?> testClass) {
        ResolvedSettings resolved = ResolvedSettings.resolve(Front.JUNIT, ScopeKind.TEST, SettingSource.properties(
                "configuration parameter", name -> parameters.apply(name).orElse(null)));
        String server = testClass == null ? null : SpringWebServer.webEnvironment(testClass);
        if (server != null && (annotation == null || annotation.threads() == QueryBudget.Threads.DEFAULT)
                && parameters.apply(Settings.THREADS.propertyName()).isEmpty()) {
            // The server answers the test's requests on its own threads: count them, as threads = ALL would.
            resolved = resolved.with(Settings.THREADS, "all", "@SpringBootTest(webEnvironment = " + server + ")");
        }
        Budget budget = Budget.total(resolved.get(Settings.MAX_QUERIES));
        if (annotation == null) {
            // @QuerySnapshot alone: the snapshot is the contract; findings are only reported.
            return new TestBudget(resolved.scopeSettings().withBudget(Budget.NONE), reportAtMost(resolved,
                    Settings.N_PLUS_ONE), reportAtMost(resolved, Settings.DUPLICATES),
                    reportAtMost(resolved, Settings.UNBATCHED_WRITES), resolved);
        }
        if (annotation.threshold() != QueryBudget.UNLIMITED) {
            resolved = resolved.with(Settings.THRESHOLD, annotation.threshold(), attribute("threshold"));
        }
        if (annotation.threads() != QueryBudget.Threads.DEFAULT) {
            resolved = resolved.with(Settings.THREADS, word(annotation.threads()), attribute("threads"));
        }
        if (annotation.max() != QueryBudget.UNLIMITED) {
            budget = budget.withTotal(limit("max", annotation.max()));
        }
        budget = budget.withSelect(limit("select", annotation.select()))
                .withInsert(limit("insert", annotation.insert()))
                .withUpdate(limit("update", annotation.update()))
                .withDelete(limit("delete", annotation.delete()));
        return new TestBudget(resolved.scopeSettings().withBudget(budget),
                action(annotation.nPlusOne(), resolved, Settings.N_PLUS_ONE),
                action(annotation.duplicates(), resolved, Settings.DUPLICATES),
                action(annotation.unbatchedWrites(), resolved, Settings.UNBATCHED_WRITES), resolved);
    }

    private static String attribute(String name) {
        return "@QueryBudget attribute '" + name + "'";
    }

    private static int limit(String attribute, int value) {
        return Settings.MAX_QUERIES.check(value, attribute(attribute));
    }

    private static Action action(Action attribute, ResolvedSettings resolved, Setting<String> setting) {
        return attribute == Action.DEFAULT ? Action.valueOf(resolved.get(setting).toUpperCase(Locale.ROOT)) : attribute;
    }

    private static Action reportAtMost(ResolvedSettings resolved, Setting<String> setting) {
        return action(Action.DEFAULT, resolved, setting) == Action.IGNORE ? Action.IGNORE : Action.REPORT;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
