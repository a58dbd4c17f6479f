package dev.querybudget.settings;

/**
 * Where QueryBudget runs, and so which {@link Setting}s apply and where their values come from.
 *
 * @since 0.2.0
 */
public enum Front {
    /** The Java agent: agent arguments, then system properties, then environment variables. */
    AGENT,
    /** The Spring Boot starter: Spring's environment ({@code application.properties}, YAML, variables, …). */
    SPRING_BOOT,
    /** The JUnit extension: JUnit configuration parameters, then {@code @QueryBudget}'s attributes. */
    JUNIT
}
