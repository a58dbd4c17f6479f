package dev.querybudget;

import java.util.Objects;

/**
 * One frame of application code: where a statement was issued from.
 *
 * @since 0.1.0
 */
public record CallSite(String className, String methodName, String fileName, int lineNumber) {

    public CallSite {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
    }

    /** {@code com.example.OrderService.list(OrderService.java:42)}, as in a stack trace. */
    @Override
    public String toString() {
        String location = fileName == null ? "Unknown Source"
                : lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
        return className + "." + methodName + "(" + location + ")";
    }
}
