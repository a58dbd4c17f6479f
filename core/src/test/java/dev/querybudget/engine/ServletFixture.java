package dev.querybudget.engine;

import dev.querybudget.request.ServletAdapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests and responses as a servlet container hands them over, for the lifecycle's tests in core (which knows no
 * servlet type): attributes shared by every dispatch of a request, a wrapper for the error page whose method may read
 * null, async start and completion, a response buffer that commits. The fronts' tests run the same lifecycle in real
 * containers.
 */
class ServletFixture implements ServletAdapter<ServletFixture.Request, ServletFixture.Response> {

    static final ServletFixture ADAPTER = new ServletFixture();

    /** One dispatch's view of a request; {@link #errorDispatch()} is the container's wrapper for the error page. */
    static final class Request {
        final String method;
        final String path;
        final Map<String, Object> attributes;
        final List<Runnable> onComplete;
        String template;
        boolean asyncStarted;

        Request(String method, String path) {
            this(method, path, new HashMap<>(), new ArrayList<>());
        }

        private Request(String method, String path, Map<String, Object> attributes, List<Runnable> onComplete) {
            this.method = method;
            this.path = path;
            this.attributes = attributes;
            this.onComplete = onComplete;
        }

        /** The error page's dispatch of this request: the same attributes, a method that reads null. */
        Request errorDispatch() {
            return new Request(null, "/error", attributes, onComplete);
        }

        /** The async dispatch of this request. */
        Request asyncDispatch() {
            asyncStarted = false;
            return new Request(method, path, attributes, onComplete);
        }

        /** The container completes the async request: its listeners run. */
        void complete() {
            onComplete.forEach(Runnable::run);
        }
    }

    static final class Response {
        int status = 200;
        boolean committed;
        int buffersReset;
    }

    @Override
    public String method(Request request) {
        return request.method;
    }

    @Override
    public String path(Request request) {
        return request.path;
    }

    @Override
    public String routeTemplate(Request request) {
        return request.template;
    }

    @Override
    public Object attribute(Request request, String name) {
        return request.attributes.get(name);
    }

    @Override
    public void setAttribute(Request request, String name, Object value) {
        request.attributes.put(name, value);
    }

    @Override
    public boolean isAsyncStarted(Request request) {
        return request.asyncStarted;
    }

    @Override
    public boolean onAsyncComplete(Request request, Runnable onComplete) {
        request.onComplete.add(onComplete);
        return true;
    }

    @Override
    public int status(Response response) {
        return response.status;
    }

    @Override
    public boolean isCommitted(Response response) {
        return response.committed;
    }

    @Override
    public void resetBuffer(Response response) {
        response.buffersReset++;
    }
}
