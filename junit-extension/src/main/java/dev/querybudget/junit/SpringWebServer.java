package dev.querybudget.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a test runs against a web server that its Spring context starts: {@code @SpringBootTest} with
 * {@code webEnvironment = RANDOM_PORT} or {@code DEFINED_PORT}, on the test class, a superclass, an enclosing class
 * of a {@code @Nested} test, or a meta-annotation. The server answers the test's requests on its own threads, so the
 * test's scope must count every thread's statements. Read by name: the extension does not need Spring.
 */
final class SpringWebServer {

    private static final String SPRING_BOOT_TEST = "org.springframework.boot.test.context.SpringBootTest";

    private SpringWebServer() {
    }

    /** {@code RANDOM_PORT} or {@code DEFINED_PORT} when {@code testClass} starts a web server, else {@code null}. */
    static String webEnvironment(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
                String found = find(level.getAnnotations(), new HashSet<>());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String find(Annotation[] annotations, Set<Class<?>> seen) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.getName().equals(SPRING_BOOT_TEST)) {
                String environment = environment(annotation);
                return "RANDOM_PORT".equals(environment) || "DEFINED_PORT".equals(environment) ? environment : null;
            }
            if (!type.getName().startsWith("java.") && seen.add(type)) {
                String found = find(type.getAnnotations(), seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String environment(Annotation springBootTest) {
        try {
            Method attribute = springBootTest.annotationType().getMethod("webEnvironment");
            Object value = attribute.invoke(springBootTest);
            return value instanceof Enum<?> constant ? constant.name() : null;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }
}
