package dev.querybudget.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One QueryBudget setting: its name, what it accepts, its default per kind of scope, the fronts it applies to and
 * one sentence of documentation. Every setting is in {@link Settings}; a front only says where values come from.
 *
 * <p>A setting has one spelling everywhere: {@code threshold} is the agent argument {@code threshold=…}, the system
 * property, Spring property and JUnit configuration parameter {@code querybudget.threshold}, and the environment
 * variable {@code QUERYBUDGET_THRESHOLD}. Lists are comma-separated everywhere.
 *
 * @param <T> the type of the value
 * @since 0.2.0
 */
public final class Setting<T> {

    private static final Pattern JAVA_NAME = Pattern.compile(
            "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*[.$]?");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final String name;
    private final String description;
    private final String accepted;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final T requestDefault;
    private final T testDefault;
    private final List<String> builtIn;
    private final Set<Front> fronts;
    private final Class<?> valueType;
    private final List<String> choices;

    private Setting(String name, String description, String accepted, Function<String, T> parser, Predicate<T> valid,
                    T requestDefault, T testDefault, List<String> builtIn, Set<Front> fronts, Class<?> valueType,
                    List<String> choices) {
        this.name = name;
        this.description = description;
        this.accepted = accepted;
        this.parser = parser;
        this.valid = valid;
        this.requestDefault = requestDefault;
        this.testDefault = testDefault;
        this.builtIn = builtIn;
        this.fronts = fronts;
        this.valueType = valueType;
        this.choices = choices;
    }

    /** The type of the value: {@code Boolean}, {@code Integer}, {@code String}, or {@code List} of strings. */
    public Class<?> valueType() {
        return valueType;
    }

    /** The words a setting of a few choices accepts ({@code log}, {@code warn}, {@code throw}); else empty. */
    public List<String> choices() {
        return choices;
    }

    /** The name, e.g. {@code max-queries} or {@code response-header.name}. */
    public String name() {
        return name;
    }

    /** The system property, Spring property and JUnit configuration parameter: {@code querybudget.<name>}. */
    public String propertyName() {
        return "querybudget." + name;
    }

    /** The environment variable: {@code QUERYBUDGET_<NAME>}, with {@code -} and {@code .} as {@code _}. */
    public String environmentVariable() {
        return "QUERYBUDGET_" + name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** One sentence on what the setting does. */
    public String description() {
        return description;
    }

    /** What the setting accepts, as error messages say it: {@code a whole number of at least 2}. */
    public String accepted() {
        return accepted;
    }

    /** Whether the setting means something to {@code front}. */
    public boolean appliesTo(Front front) {
        return fronts.contains(front);
    }

    /** The fronts the setting means something to. */
    public Set<Front> fronts() {
        return Set.copyOf(fronts);
    }

    /** The value when nothing is given, for {@code kind} of scope. For a list, the built-in items. */
    @SuppressWarnings("unchecked")
    public T defaultValue(ScopeKind kind) {
        T value = kind == ScopeKind.REQUEST ? requestDefault : testDefault;
        return builtIn.isEmpty() ? value : (T) builtIn;
    }

    /** For a list: the items that are always there, and that a given value adds to (e.g. {@code /actuator/*}). */
    public List<String> builtInItems() {
        return builtIn;
    }

    /**
     * The value {@code text} stands for, from {@code origin} (e.g. {@code system property 'querybudget.threshold'}).
     * A list given adds to the built-in items.
     *
     * @param text the text given; {@code null} for an option given bare, which means {@code true} for a switch
     * @throws InvalidSettingException naming the origin, the text and what is accepted
     */
    @SuppressWarnings("unchecked")
    public T parse(String text, String origin) {
        Objects.requireNonNull(origin, "origin");
        T value;
        try {
            value = text == null && valueType == Boolean.class ? (T) Boolean.TRUE
                    : text == null ? null : parser.apply(text);
        } catch (RuntimeException notAccepted) {
            value = null;
        }
        if (value == null || !valid.test(value)) {
            throw new InvalidSettingException(origin, text, accepted);
        }
        if (builtIn.isEmpty()) {
            return value;
        }
        List<String> items = new ArrayList<>(builtIn);
        for (String item : (List<String>) value) {
            if (!items.contains(item)) {
                items.add(item);
            }
        }
        return (T) List.copyOf(items);
    }

    /**
     * {@code value}, when the setting accepts it (for typed sources such as annotation attributes and builders).
     *
     * @throws InvalidSettingException naming {@code origin}, the value and what is accepted
     */
    public T check(T value, String origin) {
        if (value == null || !valid.test(value)) {
            throw new InvalidSettingException(origin, String.valueOf(value), accepted);
        }
        return value;
    }

    /** The default as documentation shows it: {@code 5}, {@code none}, {@code /actuator/*}. */
    public String defaultText(ScopeKind kind) {
        Object value = defaultValue(kind);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Integer number && number == -1) {
            return "no limit";
        }
        return value == null ? "none" : value.toString();
    }

    @Override
    public String toString() {
        return name;
    }

    // The kinds of value, for the table in Settings.

    static Builder<Boolean> bool(String name) {
        return new Builder<Boolean>(name, Boolean.class, List.of(), "true or false", text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        }, value -> true);
    }

    static Builder<Integer> wholeNumber(String name, int least) {
        return new Builder<>(name, Integer.class, List.of(), "a whole number of at least " + least, text -> Integer.valueOf(text.trim()),
                value -> value >= least);
    }

    /** A count limit: 0 or more, or -1 for no limit. */
    static Builder<Integer> limit(String name) {
        return new Builder<>(name, Integer.class, List.of(), "a whole number of at least 0, or -1 for no limit",
                text -> Integer.valueOf(text.trim()), value -> value >= -1);
    }

    /** One of a few lower-case words; the value is the word. */
    static Builder<String> choice(String name, String... words) {
        List<String> accepted = List.of(words);
        String last = words[words.length - 1];
        String text = String.join(", ", Arrays.asList(words).subList(0, words.length - 1)) + " or " + last;
        return new Builder<>(name, String.class, accepted, text, given -> given.trim().toLowerCase(Locale.ROOT), accepted::contains);
    }

    /** Comma-separated packages or classes ({@code com.example.}, {@code com.example.Helper}). */
    static Builder<List<String>> javaNames(String name) {
        return new Builder<>(name, List.class, List.of(), "comma-separated package or class names", Setting::items,
                items -> items.stream().allMatch(item -> JAVA_NAME.matcher(item).matches()));
    }

    /** Comma-separated route templates, each starting with {@code /}; a trailing {@code *} matches a prefix. */
    static Builder<List<String>> routes(String name) {
        return new Builder<>(name, List.class, List.of(), "comma-separated routes, each starting with /", Setting::items,
                items -> items.stream().allMatch(item -> item.startsWith("/")));
    }

    /** Comma-separated fragments of text. */
    static Builder<List<String>> fragments(String name) {
        return new Builder<>(name, List.class, List.of(), "comma-separated text fragments", Setting::items, items -> true);
    }

    /** Comma-separated names, such as bean names, checked where they are used. */
    static Builder<List<String>> names(String name) {
        return new Builder<>(name, List.class, List.of(), "comma-separated names", Setting::items, items -> true);
    }

    static Builder<String> path(String name) {
        return new Builder<>(name, String.class, List.of(), "a file path", text -> java.nio.file.Path.of(text.trim()).toString(),
                text -> !text.isEmpty());
    }

    static Builder<String> headerName(String name) {
        return new Builder<>(name, String.class, List.of(), "an HTTP header name", String::trim, text -> HEADER_NAME.matcher(text).matches());
    }

    private static List<String> items(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /** Builds one row of the table in {@link Settings}. */
    static final class Builder<T> {
        private final String name;
        private final Class<?> valueType;
        private final List<String> choices;
        private final String accepted;
        private final Function<String, T> parser;
        private final Predicate<T> valid;
        private String description;
        private T requestDefault;
        private T testDefault;
        private List<String> builtIn = List.of();
        private Set<Front> fronts = EnumSet.allOf(Front.class);

        private Builder(String name, Class<?> valueType, List<String> choices, String accepted,
                        Function<String, T> parser, Predicate<T> valid) {
            this.name = name;
            this.valueType = valueType;
            this.choices = choices;
            this.accepted = accepted;
            this.parser = parser;
            this.valid = valid;
        }

        Builder<T> doc(String sentence) {
            this.description = sentence;
            return this;
        }

        Builder<T> defaults(T forRequests, T forTests) {
            this.requestDefault = forRequests;
            this.testDefault = forTests;
            return this;
        }

        Builder<T> defaultValue(T value) {
            return defaults(value, value);
        }

        Builder<T> builtIn(String... items) {
            this.builtIn = List.of(items);
            return this;
        }

        Builder<T> only(Front first, Front... more) {
            this.fronts = EnumSet.of(first, more);
            return this;
        }

        Setting<T> build() {
            Objects.requireNonNull(description, name);
            return new Setting<>(name, description, accepted, parser, valid, requestDefault, testDefault, builtIn,
                    fronts, valueType, choices);
        }
    }
}
