package dev.querybudget.internal.scope;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.List;

/** Bind values as text: only ever called for a scope whose user opted in to {@code includeParameters}. */
final class ParameterRendering {

    private static final int MAX_VALUE_LENGTH = 100;

    private ParameterRendering() {
    }

    static String render(List<ParameterSetOperation> bindings) {
        StringBuilder text = new StringBuilder("[");
        if (bindings != null) {
            for (ParameterSetOperation operation : bindings) {
                Object[] args = operation.getArgs() == null ? new Object[0] : operation.getArgs();
                if (text.length() > 1) {
                    text.append(", ");
                }
                text.append(args.length > 0 ? args[0] : "?").append('=');
                if (operation.getMethod().getName().equals("setNull")) {
                    text.append("NULL");
                } else {
                    text.append(value(args.length > 1 ? args[1] : null));
                }
            }
        }
        return text.append(']').toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        String text = value instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(value);
        if (text.length() > MAX_VALUE_LENGTH) {
            text = text.substring(0, MAX_VALUE_LENGTH) + "…";
        }
        return value instanceof CharSequence ? "'" + text + "'" : text;
    }
}
