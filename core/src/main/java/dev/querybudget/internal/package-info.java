/**
 * QueryBudget's implementation. Nothing in {@code dev.querybudget.internal} or its sub-packages is API: it may change
 * in any release.
 *
 * <p>The fronts (agent, JUnit extension, Spring starter) and the sample application use only the published packages:
 * {@code dev.querybudget}, {@code dev.querybudget.report}, {@code dev.querybudget.settings},
 * {@code dev.querybudget.sink}, {@code dev.querybudget.meter}, and for the fronts {@code dev.querybudget.request}
 * and the hooks of {@code dev.querybudget.spi}. The one module
 * that reaches in here is {@code bench}, on purpose: it measures the shape lexer, the shape cache and the scope
 * registry without JDBC around them, and it is neither published nor a front.
 */
package dev.querybudget.internal;
