package dev.querybudget.internal.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The methods of the JDBC interfaces a wrapper implements, found by reflection, and who declares them. */
final class JdbcMethods {

    private JdbcMethods() {
    }

    /** Every public method, default ones included, of every {@code java.sql} or {@code javax.sql} interface of it. */
    static Stream<Method> of(Class<?> wrapper) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Class<?> jdbcInterface : jdbcInterfaces(wrapper)) {
            for (Method method : jdbcInterface.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())) {
                    methods.putIfAbsent(key(method), method);
                }
            }
        }
        return methods.values().stream();
    }

    /** Whether {@code wrapper} or one of its own superclasses (in its package) declares {@code method} itself. */
    static boolean declaredBy(Class<?> wrapper, Method method) {
        for (Class<?> type = wrapper; type.getPackageName().equals(wrapper.getPackageName());
             type = type.getSuperclass()) {
            boolean declared = Arrays.stream(type.getDeclaredMethods())
                    .filter(own -> !own.isBridge() && !own.isSynthetic() && !Modifier.isAbstract(own.getModifiers()))
                    .anyMatch(own -> key(own).equals(key(method)));
            if (declared) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code one} and {@code other} have the same name and parameter types, whoever declares them. */
    static boolean sameSignature(Method one, Method other) {
        return key(one).equals(key(other));
    }

    /** {@code Statement.executeUpdate(String, int)}: a method with the interface that declares it. */
    static String label(Method method) {
        String parameters = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + parameters;
    }

    private static String key(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }

    private static Set<Class<?>> jdbcInterfaces(Class<?> wrapper) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> type = wrapper; type != null; type = type.getSuperclass()) {
            collect(type.getInterfaces(), interfaces);
        }
        interfaces.removeIf(type -> !type.getPackageName().equals("java.sql")
                && !type.getPackageName().equals("javax.sql"));
        return interfaces;
    }

    private static void collect(Class<?>[] found, Set<Class<?>> into) {
        for (Class<?> type : found) {
            if (into.add(type)) {
                collect(type.getInterfaces(), into);
            }
        }
    }
}
