package dev.querybudget.meter;

import java.util.Set;

/**
 * The folding rules of QueryBudget's tag values: each returns a value from a small fixed set (or a route template
 * the application declared), whatever the request, so the number of series stays bounded under random methods and
 * paths — the way Spring folds {@code http.server.requests}.
 *
 * @since 0.2.0
 */
public final class TagValues {

    /** The {@code uri} of a redirect that matched no route template. */
    public static final String REDIRECTION = "REDIRECTION";
    /** The {@code uri} of a 404 that matched no route template. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The {@code uri} of the path {@code /} when it matched no route template. */
    public static final String ROOT = "root";
    /** The {@code uri} of any other request that matched no route template. */
    public static final String UNKNOWN = "UNKNOWN";
    /** The {@code method} of a method outside the standard set. */
    public static final String OTHER = "OTHER";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private TagValues() {
    }

    /**
     * The method itself when it is one of {@code GET}, {@code HEAD}, {@code POST}, {@code PUT}, {@code PATCH},
     * {@code DELETE}, {@code OPTIONS} and {@code TRACE} (as written: methods are case-sensitive); else {@code OTHER},
     * {@code null} included.
     */
    public static String method(String method) {
        return method != null && METHODS.contains(method) ? method : OTHER;
    }

    /**
     * The route template when the framework matched one (an empty one is {@code root}); else, by the response status,
     * {@code REDIRECTION} (3xx) or {@code NOT_FOUND} (404); else {@code root} for the path {@code /} or an empty path;
     * else {@code UNKNOWN}. Never the path itself.
     *
     * @param template the route template, {@code null} when none matched
     * @param status   the response status
     * @param path     the request's path within the application (its context path left out), or {@code null}
     */
    public static String uri(String template, int status, String path) {
        if (template != null) {
            return template.isEmpty() ? ROOT : template;
        }
        if (status / 100 == 3) {
            return REDIRECTION;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (path == null || path.isEmpty() || path.equals("/")) {
            return ROOT;
        }
        return UNKNOWN;
    }

    /** The outcome of {@code status}, as the {@code outcome} tag writes it. */
    public static String outcome(int status) {
        return RequestOutcome.of(status).name();
    }
}
