/**
 * QueryBudget's API: {@link dev.querybudget.QueryRecorder} wraps a DataSource and opens scopes,
 * {@link dev.querybudget.QueryScope} is one open scope, and {@link dev.querybudget.ScopeReport} is what a closed scope
 * saw — its {@link dev.querybudget.QueryCounts}, its {@link dev.querybudget.ShapeCount}s and its
 * {@link dev.querybudget.Finding}s, each a {@link dev.querybudget.ShapeFinding} or a
 * {@link dev.querybudget.BudgetFinding}. {@link dev.querybudget.QueryBudgetSettings} and
 * {@link dev.querybudget.Budget} say what a scope records and allows. Value types live here; the renderers in
 * {@code dev.querybudget.report}, the outputs of finished scopes in {@code dev.querybudget.sink}, the meters in
 * {@code dev.querybudget.meter}, and for QueryBudget's own fronts the request lifecycle in
 * {@code dev.querybudget.request} and the hooks in {@code dev.querybudget.spi}.
 *
 * @since 0.1.0
 */
package dev.querybudget;
