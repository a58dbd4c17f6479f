package dev.querybudget.settings;

import java.util.List;

/**
 * Bad values every front must refuse with the same words: each front's settings test feeds these through its own
 * source (agent arguments, system properties, environment variables, Spring properties, JUnit configuration
 * parameters) and asserts the message word for word. What is accepted is written out here, not read from the table,
 * so that a change of wording fails every front's test.
 */
public final class SettingErrorCases {

    /**
     * @param setting  the setting's name
     * @param text     the bad text given
     * @param accepted what the message must say is accepted, word for word
     */
    public record Case(String setting, String text, String accepted) {

        /** The message a front must give for this case, with {@code origin} naming where the text came from. */
        public String message(String origin) {
            return "QueryBudget: " + origin + " was '" + text + "', accepted: " + accepted;
        }

        /** The same without the leading {@code QueryBudget: }, as the agent prints it after its own name. */
        public String detail(String origin) {
            return origin + " was '" + text + "', accepted: " + accepted;
        }

        public Setting<?> key() {
            return Settings.named(setting);
        }
    }

    private static final List<Case> ALL = List.of(
            new Case("enabled", "on", "true or false"),
            new Case("threshold", "1", "a whole number of at least 2"),
            new Case("threshold", "five", "a whole number of at least 2"),
            new Case("max-queries", "-2", "a whole number of at least 0, or -1 for no limit"),
            new Case("include-parameters", "yes", "true or false"),
            new Case("application-packages", "com.example;org.example", "comma-separated package or class names"),
            new Case("skip-frames", "com.example.Dao#find", "comma-separated package or class names"),
            new Case("ignore-call-sites", "com example", "comma-separated package or class names"),
            new Case("ignore-urls", "/health,admin", "comma-separated routes, each starting with /"),
            new Case("n-plus-one", "warn", "fail, report or ignore"),
            new Case("duplicates", "fail!", "fail, report or ignore"),
            new Case("unbatched-writes", "maybe", "fail, report or ignore"),
            new Case("threads", "some", "test or all"),
            new Case("snapshots.update", "1", "true or false"),
            new Case("log", "stderr", "true or false"),
            new Case("outside-requests", "per-request", "ignore or per-thread"),
            new Case("mode", "fail", "log, warn or throw"),
            new Case("response-header.enabled", "sometimes", "true or false"),
            new Case("response-header.name", "X Query Count", "an HTTP header name"));

    private SettingErrorCases() {
    }

    /** The cases of the settings {@code front} reads. */
    public static List<Case> of(Front front) {
        return ALL.stream().filter(one -> one.key().appliesTo(front)).toList();
    }

    /** Every case. */
    public static List<Case> all() {
        return ALL;
    }
}
