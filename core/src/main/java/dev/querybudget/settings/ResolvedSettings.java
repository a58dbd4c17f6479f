package dev.querybudget.settings;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ThreadMode;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of every setting of one front, read from its source and checked, each one's default where none was
 * given. Immutable; {@link #with} gives a copy with one value replaced (an annotation attribute over a configuration
 * parameter).
 *
 * @since 0.2.0
 */
public final class ResolvedSettings {

    private final Front front;
    private final ScopeKind kind;
    private final Map<Setting<?>, Object> values;

    private ResolvedSettings(Front front, ScopeKind kind, Map<Setting<?>, Object> values) {
        this.front = front;
        this.kind = kind;
        this.values = values;
    }

    /**
     * Reads every setting of {@code front} from {@code source}, with the defaults of {@code kind} of scope.
     *
     * @throws InvalidSettingException for the first value not accepted, naming where it came from
     */
    public static ResolvedSettings resolve(Front front, ScopeKind kind, SettingSource source) {
        Map<Setting<?>, Object> values = new IdentityHashMap<>();
        for (Setting<?> setting : Settings.of(front)) {
            SettingSource.Given given = source.find(setting);
            values.put(setting, given == null ? setting.defaultValue(kind) : setting.parse(given.text(),
                    given.origin()));
        }
        return new ResolvedSettings(front, kind, values);
    }

    /** The front these settings are for. */
    public Front front() {
        return front;
    }

    /** The value of {@code setting}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!setting.appliesTo(front)) {
            throw new IllegalArgumentException("setting '" + setting.name() + "' does not apply to " + front);
        }
        return (T) values.get(setting);
    }

    /**
     * A copy with {@code setting} set to {@code value}, checked as coming from {@code origin}.
     *
     * @throws InvalidSettingException when {@code setting} does not accept {@code value}
     */
    public <T> ResolvedSettings with(Setting<T> setting, T value, String origin) {
        Objects.requireNonNull(setting, "setting");
        Map<Setting<?>, Object> copy = new IdentityHashMap<>(values);
        copy.put(setting, setting.check(value, origin));
        return new ResolvedSettings(front, kind, copy);
    }

    /** What a scope opened with these settings records and reports. */
    public QueryBudgetSettings scopeSettings() {
        ThreadMode threads = front == Front.JUNIT && get(Settings.THREADS).equals("all") ? ThreadMode.ALL_THREADS
                : ThreadMode.SCOPE_THREAD;
        return new QueryBudgetSettings(get(Settings.THRESHOLD), Budget.total(get(Settings.MAX_QUERIES)), threads,
                get(Settings.INCLUDE_PARAMETERS), get(Settings.APPLICATION_PACKAGES), get(Settings.SKIP_FRAMES),
                get(Settings.IGNORE_CALL_SITES), get(Settings.IGNORE_SHAPES));
    }

    /** The scope settings every front starts from for {@code kind}: each setting's default. */
    public static QueryBudgetSettings defaults(ScopeKind kind) {
        return new QueryBudgetSettings(Settings.THRESHOLD.defaultValue(kind),
                Budget.total(Settings.MAX_QUERIES.defaultValue(kind)), ThreadMode.SCOPE_THREAD,
                Settings.INCLUDE_PARAMETERS.defaultValue(kind), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public String toString() {
        return front + " " + kind + " " + values;
    }
}
