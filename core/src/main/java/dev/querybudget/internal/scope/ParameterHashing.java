package dev.querybudget.internal.scope;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.Arrays;
import java.util.List;

/**
 * A 64-bit hash of a statement's SQL text and bind values: equal for the same statement run with the same values,
 * different (but for collisions) otherwise. The values themselves are never kept.
 */
public final class ParameterHashing {

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private ParameterHashing() {
    }

    public static long hash(String sql, List<ParameterSetOperation> parameters) {
        long h = sql.hashCode();
        if (parameters != null) {
            for (int k = 0, size = parameters.size(); k < size; k++) {
                ParameterSetOperation operation = parameters.get(k);
                h = mix(h, operation.getMethod().getName().hashCode());
                Object[] args = operation.getArgs();
                if (args != null) {
                    for (Object arg : args) {
                        h = mix(h, valueHash(arg));
                    }
                }
            }
        }
        return h == 0 ? 1 : h;
    }

    /** The longest array bound as a parameter ({@code = ANY(?)} key lists), or 0 when none is. */
    public static int longestArray(List<ParameterSetOperation> parameters) {
        int longest = 0;
        if (parameters != null) {
            for (int k = 0, size = parameters.size(); k < size; k++) {
                Object[] args = parameters.get(k).getArgs();
                if (args != null && args.length > 1) {
                    Object value = args[1];
                    if (value instanceof Object[] array) {
                        longest = Math.max(longest, array.length);
                    } else if (value instanceof java.sql.Array || value != null && value.getClass().isArray()
                            && !(value instanceof byte[]) && !(value instanceof char[])) {
                        longest = Math.max(longest, 2); // length unknown without reading it: a list all the same
                    }
                }
            }
        }
        return longest;
    }

    private static long mix(long h, int value) {
        return (h ^ value) * MULTIPLIER;
    }

    private static int valueHash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof Object[] array) {
            return Arrays.deepHashCode(array);
        }
        return value.hashCode();
    }
}
