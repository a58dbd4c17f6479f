package dev.querybudget.spi;

import java.util.List;

/**
 * Route names for the fronts that open a scope per HTTP request (the agent's servlet advice, the Spring starter's
 * filter), so that both name a request's scope and tag its meters alike.
 *
 * <p>For QueryBudget's own fronts and integrations; see the {@linkplain dev.querybudget.spi package} for its
 * stability.
 *
 * @since 0.2.0
 */
public final class RouteTemplates {

    private RouteTemplates() {
    }

    /**
     * A request path made fit for a scope name and a metric tag when the framework knows no route template: id-like
     * segments (numbers, UUIDs, long hex or mixed tokens) fold to {@code {id}}, so {@code /owners/42/pets/7} becomes
     * {@code /owners/{id}/pets/{id}} and tag values stay a bounded set. A {@code null} or empty path is {@code /}.
     */
    public static String fold(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder folded = new StringBuilder(path.length());
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                folded.append('/');
            }
            folded.append(isId(segments[i]) ? "{id}" : segments[i]);
        }
        return folded.toString();
    }

    /** Whether {@code route} is one of {@code patterns}; a pattern ending in {@code *} matches a prefix. */
    public static boolean matchesAny(String route, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*") ? route.startsWith(pattern.substring(0, pattern.length() - 1))
                    : route.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isId(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        int digits = 0;
        int hex = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-') {
                hex++;
            }
        }
        return digits == segment.length() || (digits > 0 && digits + hex == segment.length() && segment.length() >= 8);
    }
}
