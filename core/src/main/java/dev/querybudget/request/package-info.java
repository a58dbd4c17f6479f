/**
 * The life of an HTTP request's scope, once for every front: {@link dev.querybudget.request.RequestLifecycle} opens
 * the scope at a request's outermost dispatch, takes the route template, finishes on success and on an exception,
 * folds the error page and async dispatches into the request they belong to, leaves ignored URLs out, and hands the
 * {@link dev.querybudget.sink.FinishedRequest} to a {@link dev.querybudget.sink.ScopeSink}. A front drives it from
 * its servlet filter or advice through a {@link dev.querybudget.request.ServletAdapter}, so this package knows no
 * servlet type.
 *
 * <p><b>Stability: evolving</b>, like {@code dev.querybudget.spi}: for QueryBudget's own fronts and integrations,
 * released with the same version.
 *
 * @since 0.2.0
 */
package dev.querybudget.request;
