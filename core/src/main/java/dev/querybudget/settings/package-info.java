/**
 * QueryBudget's settings: one table ({@link dev.querybudget.settings.Settings}) with each setting's name, default
 * per kind of scope, check, error message and documentation, read by every front from its own
 * {@link dev.querybudget.settings.SettingSource}. The agent, the Spring Boot starter and the JUnit extension use
 * this package to read their configuration; an integration of your own can too.
 *
 * @since 0.2.0
 */
package dev.querybudget.settings;
