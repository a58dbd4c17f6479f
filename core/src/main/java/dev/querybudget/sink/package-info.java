/**
 * Where finished scopes go: one {@link dev.querybudget.sink.ScopeSink} interface, in datasource-proxy's listener
 * style, with a no-op default and a composite. Every output of QueryBudget's fronts is one implementation — the log,
 * JSON Lines, Micrometer meters, the agent's JMX totals, the starter's actuator history — and so is yours: register
 * a {@code ScopeSink} bean with the Spring starter, or ship one through {@link java.util.ServiceLoader} to the agent.
 * Each receives a {@link dev.querybudget.sink.FinishedScope}: the scope's report and what kind of scope it was.
 *
 * @since 0.2.0
 */
package dev.querybudget.sink;
