package dev.querybudget.spring;

import dev.querybudget.request.ServletAdapter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Core's request lifecycle on {@code jakarta.servlet}, with Spring MVC's best-matching pattern as route template —
 * except the static-resource handler's catch-all ({@code /**}): as in Spring's own {@code http.server.requests}, a
 * path only it matched has no route, so its 404 is {@code NOT_FOUND}.
 */
final class JakartaServlets implements ServletAdapter<HttpServletRequest, HttpServletResponse> {

    static final JakartaServlets INSTANCE = new JakartaServlets();

    private JakartaServlets() {
    }

    @Override
    public String method(HttpServletRequest request) {
        return request.getMethod();
    }

    @Override
    public String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Override
    public String routeTemplate(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof ResourceHttpRequestHandler) {
            return null;
        }
        return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String template
                ? template : null;
    }

    @Override
    public Object attribute(HttpServletRequest request, String name) {
        return request.getAttribute(name);
    }

    @Override
    public void setAttribute(HttpServletRequest request, String name, Object value) {
        request.setAttribute(name, value);
    }

    @Override
    public boolean isAsyncStarted(HttpServletRequest request) {
        return request.isAsyncStarted();
    }

    @Override
    public boolean onAsyncComplete(HttpServletRequest request, Runnable onComplete) {
        request.getAsyncContext().addListener(new CompletionListener(onComplete));
        return true;
    }

    @Override
    public int status(HttpServletResponse response) {
        return response.getStatus();
    }

    @Override
    public boolean isCommitted(HttpServletResponse response) {
        return response.isCommitted();
    }

    @Override
    public void resetBuffer(HttpServletResponse response) {
        response.resetBuffer();
    }

    /** Runs the lifecycle's completion, and follows a restart of async processing (which drops listeners). */
    private record CompletionListener(Runnable onComplete) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            onComplete.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the request still completes: onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // the request still completes: onComplete follows
        }
    }
}
