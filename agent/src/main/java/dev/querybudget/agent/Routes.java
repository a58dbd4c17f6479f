package dev.querybudget.agent;

import dev.querybudget.spi.RouteTemplates;

import java.lang.reflect.Method;

/**
 * A request's method and route, read reflectively so that {@code jakarta.servlet} and {@code javax.servlet} requests
 * both work: the framework's route template where one is known (Spring MVC's best-matching pattern), else the path
 * with id-like segments folded to {@code {id}}, which keeps metric tags to a bounded set.
 */
final class Routes {

    static final String SPRING_MVC_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private static final ClassValue<Method[]> METHODS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                return new Method[]{type.getMethod("getMethod"), type.getMethod("getRequestURI"),
                        type.getMethod("getAttribute", String.class), type.getMethod("getContextPath")};
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private Routes() {
    }

    static String method(Object request) {
        return (String) call(request, 0);
    }

    static String route(Object request) {
        Object pattern = call(request, 2, SPRING_MVC_PATTERN);
        if (pattern instanceof String template && !template.isEmpty()) {
            return template;
        }
        String uri = (String) call(request, 1);
        String context = (String) call(request, 3);
        if (uri != null && context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return RouteTemplates.fold(uri);
    }

    private static Object call(Object request, int index, Object... arguments) {
        Method[] methods = METHODS.get(request.getClass());
        if (methods == null) {
            return null;
        }
        try {
            return methods[index].invoke(request, arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
