package dev.querybudget.settings;

/**
 * A setting was given a value it does not accept. The message names where the value came from (an agent argument, a
 * system property, an environment variable, a Spring property, a JUnit configuration parameter or an annotation
 * attribute), the value, and what is accepted:
 * {@code QueryBudget: environment variable QUERYBUDGET_THRESHOLD was '1', accepted: a whole number of at least 2}.
 *
 * @since 0.2.0
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final int MAX_VALUE_LENGTH = 200;

    private final String origin;
    private final String value;
    private final String accepted;
    private final String detail;

    /**
     * @param origin   where the value came from, e.g. {@code system property 'querybudget.threshold'}
     * @param value    the value given; {@code null} when an option was given with no value
     * @param accepted what the setting accepts, e.g. {@code a whole number of at least 2}
     */
    public InvalidSettingException(String origin, String value, String accepted) {
        this(origin, value, accepted, detail(origin, value, accepted));
    }

    private InvalidSettingException(String origin, String value, String accepted, String detail) {
        super("QueryBudget: " + detail);
        this.origin = origin;
        this.value = value;
        this.accepted = accepted;
        this.detail = detail;
    }

    /**
     * A name that is no QueryBudget setting: {@code option 'treshold' is not a QueryBudget setting, accepted: one of
     * …}.
     */
    public static InvalidSettingException unknown(String origin, String accepted) {
        return new InvalidSettingException(origin, null, accepted,
                origin + " is not a QueryBudget setting, accepted: " + accepted);
    }

    private static String detail(String origin, String value, String accepted) {
        return origin + (value == null ? " had no value" : " was '" + printable(value) + "'") + ", accepted: "
                + accepted;
    }

    /** The value as it can be shown on one line: control characters escaped, a long value cut. */
    private static String printable(String value) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (text.length() >= MAX_VALUE_LENGTH) {
                return text.append('…').toString();
            }
            char c = value.charAt(i);
            text.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.toString();
    }

    /** The message without the leading {@code QueryBudget: }, for a front that prefixes its own name. */
    public String detail() {
        return detail;
    }

    /** Where the value came from, e.g. {@code agent argument 'threshold'}. */
    public String origin() {
        return origin;
    }

    /** The value given, or {@code null} when the option had none. */
    public String value() {
        return value;
    }

    /** What the setting accepts. */
    public String accepted() {
        return accepted;
    }
}
