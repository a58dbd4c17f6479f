package dev.querybudget.agent;

import dev.querybudget.request.ServletAdapter;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The request lifecycle's view of a servlet request and response, read reflectively so that {@code jakarta.servlet}
 * and {@code javax.servlet} both work with no servlet API in the agent. Methods are taken from the servlet API's
 * interfaces that the object's class implements, never from the class itself (a container's wrapper may be
 * non-public), once per class. The route template is Spring MVC's best-matching pattern when there is one, except
 * the static-resource handler's catch-all, as the Spring starter reads it.
 */
final class ReflectiveServlets implements ServletAdapter<Object, Object> {

    static final ReflectiveServlets INSTANCE = new ReflectiveServlets();
    static final String SPRING_MVC_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";
    static final String SPRING_MVC_HANDLER = "org.springframework.web.servlet.HandlerMapping.bestMatchingHandler";
    /** Spring MVC's static-resource handler: its catch-all pattern ({@code /**}) is no route, as in Spring's meters. */
    static final String SPRING_MVC_RESOURCES = "org.springframework.web.servlet.resource.ResourceHttpRequestHandler";
    private static final String[] NAMESPACES = {"jakarta.servlet.", "javax.servlet."};

    private static final ClassValue<Api> REQUESTS = new ClassValue<>() {
        @Override
        protected Api computeValue(Class<?> type) {
            return Api.of(type, "http.HttpServletRequest", "getMethod", "getRequestURI", "getContextPath",
                    "getAttribute:String", "setAttribute:String,Object", "isAsyncStarted", "getAsyncContext");
        }
    };
    private static final ClassValue<Api> RESPONSES = new ClassValue<>() {
        @Override
        protected Api computeValue(Class<?> type) {
            return Api.of(type, "http.HttpServletResponse", "getStatus", "isCommitted", "resetBuffer");
        }
    };

    private ReflectiveServlets() {
    }

    @Override
    public String method(Object request) {
        return (String) REQUESTS.get(request.getClass()).call(request, 0);
    }

    @Override
    public String path(Object request) {
        Api api = REQUESTS.get(request.getClass());
        String uri = (String) api.call(request, 1);
        String context = (String) api.call(request, 2);
        return uri != null && context != null && !context.isEmpty() && uri.startsWith(context)
                ? uri.substring(context.length()) : uri;
    }

    @Override
    public String routeTemplate(Object request) {
        Object handler = attribute(request, SPRING_MVC_HANDLER);
        for (Class<?> type = handler == null ? null : handler.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(SPRING_MVC_RESOURCES)) {
                return null;
            }
        }
        return attribute(request, SPRING_MVC_PATTERN) instanceof String template ? template : null;
    }

    @Override
    public Object attribute(Object request, String name) {
        return REQUESTS.get(request.getClass()).call(request, 3, name);
    }

    @Override
    public void setAttribute(Object request, String name, Object value) {
        REQUESTS.get(request.getClass()).call(request, 4, name, value);
    }

    @Override
    public boolean isAsyncStarted(Object request) {
        return Boolean.TRUE.equals(REQUESTS.get(request.getClass()).call(request, 5));
    }

    @Override
    public boolean onAsyncComplete(Object request, Runnable onComplete) {
        Api api = REQUESTS.get(request.getClass());
        Object context = api.call(request, 6);
        try {
            Class<?> listenerType = Class.forName(api.namespace() + "AsyncListener", false,
                    api.type().getClassLoader());
            Method addListener = Class.forName(api.namespace() + "AsyncContext", false, api.type().getClassLoader())
                    .getMethod("addListener", listenerType);
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[]{listenerType},
                    new CompletionListener(onComplete, addListener));
            addListener.invoke(context, listener);
            return true;
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("cannot listen to the async request's completion", failure);
        }
    }

    @Override
    public int status(Object response) {
        return response == null ? 0 : (Integer) RESPONSES.get(response.getClass()).call(response, 0);
    }

    @Override
    public boolean isCommitted(Object response) {
        return Boolean.TRUE.equals(RESPONSES.get(response.getClass()).call(response, 1));
    }

    @Override
    public void resetBuffer(Object response) {
        RESPONSES.get(response.getClass()).call(response, 2);
    }

    /** An {@code AsyncListener}: runs the lifecycle's completion once, and follows a restart of async processing. */
    private record CompletionListener(Runnable onComplete, Method addListener) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws ReflectiveOperationException {
            switch (method.getName()) {
                case "onComplete" -> onComplete.run();
                case "onStartAsync" -> { // a restart drops the listeners: register again on the new cycle
                    Object event = arguments[0];
                    Object context = event.getClass().getMethod("getAsyncContext").invoke(event);
                    addListener.invoke(context, proxy);
                }
                case "equals" -> {
                    return proxy == arguments[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "QueryBudget's async request listener";
                }
                default -> {
                    // onTimeout, onError: the request still completes, and onComplete follows
                }
            }
            return null;
        }
    }

    /** The servlet API methods of one class, from the API's interface it implements. */
    private record Api(Class<?> type, String namespace, Method[] methods) {

        static Api of(Class<?> type, String api, String... signatures) {
            for (String namespace : NAMESPACES) {
                try {
                    Class<?> apiType = Class.forName(namespace + api, false, type.getClassLoader());
                    if (!apiType.isAssignableFrom(type)) {
                        continue;
                    }
                    Method[] methods = new Method[signatures.length];
                    for (int i = 0; i < signatures.length; i++) {
                        methods[i] = method(apiType, signatures[i]);
                    }
                    return new Api(apiType, namespace, methods);
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError notThisOne) {
                    // the other namespace, or no servlet API here
                }
            }
            return new Api(type, null, null);
        }

        private static Method method(Class<?> apiType, String signature) throws NoSuchMethodException {
            int colon = signature.indexOf(':');
            if (colon < 0) {
                return apiType.getMethod(signature);
            }
            String[] parameters = signature.substring(colon + 1).split(",");
            Class<?>[] types = new Class<?>[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                types[i] = parameters[i].equals("String") ? String.class : Object.class;
            }
            return apiType.getMethod(signature.substring(0, colon), types);
        }

        Object call(Object target, int index, Object... arguments) {
            if (methods == null) {
                throw new IllegalStateException(type.getName() + " implements no HTTP servlet API QueryBudget knows");
            }
            try {
                return methods[index].invoke(target, arguments);
            } catch (ReflectiveOperationException failure) {
                throw new IllegalStateException("calling " + methods[index].getName() + " on " + type.getName(),
                        failure);
            }
        }
    }
}
