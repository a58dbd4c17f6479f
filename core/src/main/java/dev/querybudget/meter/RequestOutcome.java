package dev.querybudget.meter;

/**
 * The class of an HTTP response status, as the {@code outcome} tag says it (the values Spring uses).
 *
 * @since 0.2.0
 */
public enum RequestOutcome {
    /** 1xx. */
    INFORMATIONAL,
    /** 2xx. */
    SUCCESS,
    /** 3xx. */
    REDIRECTION,
    /** 4xx. */
    CLIENT_ERROR,
    /** 5xx, and a request that ended with an exception. */
    SERVER_ERROR,
    /** Any other status. */
    UNKNOWN;

    /** The outcome of {@code status}. */
    public static RequestOutcome of(int status) {
        return switch (status / 100) {
            case 1 -> INFORMATIONAL;
            case 2 -> SUCCESS;
            case 3 -> REDIRECTION;
            case 4 -> CLIENT_ERROR;
            case 5 -> SERVER_ERROR;
            default -> UNKNOWN;
        };
    }
}
