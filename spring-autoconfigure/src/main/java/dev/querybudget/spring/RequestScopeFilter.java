package dev.querybudget.spring;

import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.spi.RouteTemplates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * A QueryBudget scope around each request, named {@code METHOD route} from the handler's route template. With the
 * response header on, or in throw mode, the body is buffered: the header can still be set when the count is known,
 * and a failing request sends its error instead of a half-sent body.
 */
final class RequestScopeFilter extends OncePerRequestFilter {

    private final QueryBudgetProperties properties;
    private final RequestReporter reporter;
    private final QueryBudgetSettings settings;

    RequestScopeFilter(QueryBudgetProperties properties, RequestReporter reporter) {
        this.properties = properties;
        this.reporter = reporter;
        this.settings = QueryBudgetSettings.defaults()
                .withThreshold(properties.getThreshold())
                .withBudget(Budget.total(properties.getMaxQueries()))
                .withIncludeParameters(properties.isIncludeParameters())
                .withApplicationPackages(properties.getApplicationPackages())
                .withIgnoredShapes(properties.getIgnore().getShapes())
                .withIgnoredCallSites(properties.getIgnore().getCallSites());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (QueryRecorder.isAgentAttached()) {
            chain.doFilter(request, response); // the agent opens the request's scope and reports it: once
            return;
        }
        boolean header = properties.getResponseHeader().isEnabled();
        boolean throwMode = properties.getMode() == QueryBudgetProperties.Mode.THROW;
        // The body is held back when the header must still be set at the end, or the request may yet fail.
        ContentCachingResponseWrapper buffered = header || throwMode ? new ContentCachingResponseWrapper(response) : null;
        QueryScope scope = QueryRecorder.open(request.getMethod() + " " + request.getRequestURI(), settings);
        ScopeReport report;
        String route;
        try {
            chain.doFilter(request, buffered == null ? response : buffered);
        } finally {
            route = route(request);
            scope.rename(request.getMethod() + " " + route);
            report = scope.finish(); // never throws: detection failures are logged and leave no findings
        }
        if (!RouteTemplates.matchesAny(route, properties.getIgnore().getUrls())) {
            // Before the body goes out, so that metrics and logs are there when the client has its response; in
            // throw mode this throws, and the held-back body is never sent.
            reporter.publish(report, request.getMethod(), route);
        }
        if (buffered != null) {
            if (header && !response.isCommitted()) {
                response.setHeader(properties.getResponseHeader().getName(), Long.toString(report.counts().total()));
            }
            buffered.copyBodyToResponse();
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String template && !template.isEmpty()) {
            return template;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RouteTemplates.fold(path);
    }

}
