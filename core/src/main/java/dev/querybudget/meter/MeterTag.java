package dev.querybudget.meter;

/**
 * The tag keys of QueryBudget's meters. Every value comes from a bounded set, folded by {@link TagValues}: never a
 * raw path, an id, a bind value or SQL.
 *
 * @since 0.2.0
 */
public enum MeterTag {

    /** The request's HTTP method, folded by {@link TagValues#method(String)}. */
    METHOD("method", "The HTTP method: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS or TRACE; any other is OTHER."),
    /** The request's route template, or its fold, by {@link TagValues#uri(String, int, String)}. */
    URI("uri", "The route template the framework matched (/orders/{id}); without one, REDIRECTION (3xx), NOT_FOUND"
            + " (404), root (the path /) or UNKNOWN. Never a raw path."),
    /** The class of the response status, by {@link TagValues#outcome(int)}. */
    OUTCOME("outcome", "The class of the response status: INFORMATIONAL, SUCCESS, REDIRECTION, CLIENT_ERROR,"
            + " SERVER_ERROR or UNKNOWN. A request that ended with an exception is a SERVER_ERROR."),
    /** The finding's {@link dev.querybudget.FindingKind}. */
    KIND("kind", "The finding's kind: N_PLUS_ONE, DUPLICATE, UNBATCHED_WRITE or QUERY_BUDGET.");

    private final String key;
    private final String description;

    MeterTag(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The tag key, e.g. {@code uri}. */
    public String key() {
        return key;
    }

    /** What the tag holds and its values, one or two sentences. */
    public String description() {
        return description;
    }
}
