/**
 * The service-provider interface: the few hooks QueryBudget's own fronts (the agent, the Spring starter, the JUnit
 * extension) and integrations need beyond the API in {@code dev.querybudget} — naming request routes
 * ({@link dev.querybudget.spi.RouteTemplates}), failing open ({@link dev.querybudget.spi.Failures}), feeding the
 * engine from outside a wrapped DataSource ({@link dev.querybudget.spi.EngineHooks}) and making the agent's copy and
 * the application's copy one engine ({@link dev.querybudget.spi.HandoverProtocol}). Each is a thin facade over the
 * engine's internals, which stay unpublished.
 *
 * <p><b>Stability: evolving.</b> Meant for modules released with the same QueryBudget version, not for
 * applications; a type or method here may change in a minor release, with a note in the release notes, while
 * {@code dev.querybudget} and {@code dev.querybudget.report} change only compatibly within a major version.
 *
 * @since 0.2.0
 */
package dev.querybudget.spi;
