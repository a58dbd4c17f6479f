package dev.querybudget.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a front's setting values come from: agent arguments, system properties, environment variables, Spring's
 * environment, JUnit configuration parameters. Sources chain with {@link #or(SettingSource)}: the first that has a
 * value wins.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface SettingSource {

    /** A source with no values: every setting keeps its default. */
    SettingSource NONE = setting -> null;

    /** The text given for {@code setting}, with where it came from; {@code null} when this source has none. */
    Given find(Setting<?> setting);

    /** This source, else {@code next}. */
    default SettingSource or(SettingSource next) {
        Objects.requireNonNull(next, "next");
        return setting -> {
            Given given = find(setting);
            return given != null ? given : next.find(setting);
        };
    }

    /**
     * A value and where it came from.
     *
     * @param text   the text given; {@code null} for an option given bare ({@code include-parameters} with no
     *               {@code =})
     * @param origin where it came from, as error messages name it: {@code system property 'querybudget.threshold'}
     */
    record Given(String text, String origin) {
        public Given {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * Values looked up by property name ({@code querybudget.threshold}), e.g. system properties or JUnit
     * configuration parameters.
     *
     * @param kind   how error messages name such a value: {@code system property}, {@code configuration parameter}
     * @param lookup the value of a property name, or {@code null}
     */
    static SettingSource properties(String kind, Function<String, String> lookup) {
        return setting -> {
            String value = lookup.apply(setting.propertyName());
            return value == null ? null : new Given(value, kind + " '" + setting.propertyName() + "'");
        };
    }

    /** Values from environment variables: {@code QUERYBUDGET_THRESHOLD} for {@code threshold}. */
    static SettingSource environment(Function<String, String> lookup) {
        return setting -> {
            String value = lookup.apply(setting.environmentVariable());
            return value == null ? null : new Given(value, "environment variable " + setting.environmentVariable());
        };
    }

    /**
     * Values from one line of options, {@code key=value,key=value}, as an agent argument is given. Lists are
     * comma-separated as everywhere: a comma starts the next option only where a setting's name and {@code =}
     * follow it ({@code ignore-urls=/health,/admin/*,threshold=3}).
     *
     * @param line  the options; {@code null} or blank for none
     * @param kind  how error messages name one option: {@code option}
     * @param front the front whose settings the line may name
     * @throws InvalidSettingException for a name that is no setting of {@code front}
     */
    static SettingSource optionLine(String line, String kind, Front front) {
        Map<Setting<?>, Given> options = new HashMap<>();
        if (line == null || line.isBlank()) {
            return NONE;
        }
        Pattern optionName = Pattern.compile("[a-z][a-z0-9.-]*");
        Setting<?> current = null;
        StringBuilder value = null;
        for (String part : line.split(",", -1)) {
            int equals = part.indexOf('=');
            String name = (equals < 0 ? part : part.substring(0, equals)).trim();
            Setting<?> named = Settings.named(name);
            boolean continuesList = current != null && current.valueType() == List.class
                    && value != null && named == null && !(equals > 0 && optionName.matcher(name).matches());
            if (continuesList) {
                value.append(',').append(part);
                continue;
            }
            if (current != null) {
                options.put(current, new Given(value == null ? null : value.toString().trim(),
                        kind + " '" + current.name() + "'"));
            }
            if (named == null || !named.appliesTo(front)) {
                if (name.isEmpty() && equals < 0) {
                    current = null; // a stray comma
                    value = null;
                    continue;
                }
                throw InvalidSettingException.unknown(kind + " '" + name + "'", "one of "
                        + String.join(", ", Settings.of(front).stream().map(Setting::name).sorted().toList())
                        + suggestion(name));
            }
            current = named;
            value = equals < 0 ? null : new StringBuilder(part.substring(equals + 1));
        }
        if (current != null) {
            options.put(current, new Given(value == null ? null : value.toString().trim(),
                    kind + " '" + current.name() + "'"));
        }
        return options::get;
    }

    private static String suggestion(String name) {
        Setting<?> closest = Settings.closest(name);
        return closest == null ? "" : " (did you mean '" + closest.name() + "'?)";
    }
}
