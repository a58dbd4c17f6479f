package dev.querybudget.internal.scope;

import java.util.Arrays;

/** The copy-on-write arrays of open scopes the registry keeps: closed scopes are swept out as the arrays change. */
final class ScopeLists {

    static final OpenScope[] NONE = new OpenScope[0];

    private ScopeLists() {
    }

    static boolean hasLive(OpenScope[] scopes) {
        for (OpenScope scope : scopes) {
            if (!scope.closed) {
                return true;
            }
        }
        return false;
    }

    static OpenScope[] append(OpenScope[] scopes, OpenScope scope) {
        OpenScope[] live = sweep(scopes);
        OpenScope[] grown = Arrays.copyOf(live, live.length + 1);
        grown[live.length] = scope;
        return grown;
    }

    /** {@code scopes} without {@code scope} and without any closed scope. */
    static OpenScope[] remove(OpenScope[] scopes, OpenScope scope) {
        int kept = 0;
        for (OpenScope s : scopes) {
            if (s != scope && !s.closed) {
                kept++;
            }
        }
        if (kept == 0) {
            return NONE;
        }
        OpenScope[] left = new OpenScope[kept];
        int k = 0;
        for (OpenScope s : scopes) {
            if (s != scope && !s.closed) {
                left[k++] = s;
            }
        }
        return left;
    }

    private static OpenScope[] sweep(OpenScope[] scopes) {
        for (OpenScope s : scopes) {
            if (s.closed) {
                return remove(scopes, null);
            }
        }
        return scopes;
    }
}
