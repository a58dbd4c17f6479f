package dev.querybudget.agent;

import dev.querybudget.sink.ScopeSink;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of QueryBudget's public API, copied from the agent's relocated core into the application's own core (same
 * version, same shapes): a record through the application's record of the same name and components, an enum by name,
 * a list or map element by element, a JDK value as it is, and an object only known by its public interfaces (a
 * statement shape) as a proxy of the application's interfaces that asks the original. Anything else, or a version of
 * core whose types differ, fails with an exception that the caller reports once.
 */
final class ApplicationCopy {

    /** The API's package as the application has it: built at run time, as the shade plugin relocates literals. */
    static final String APPLICATION_API = String.join(".", "dev", "querybudget");
    /** The API's package in the agent: the application's, relocated (or the same, unshaded, in tests). */
    static final String AGENT_API = ScopeSink.class.getPackageName().substring(0,
            ScopeSink.class.getPackageName().length() - ".sink".length());

    private final ClassLoader application;

    ApplicationCopy(ClassLoader application) {
        this.application = application;
    }

    Object of(Object value) {
        try {
            return copy(value);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("copying " + value.getClass().getName() + " to the application's"
                    + " QueryBudget types", failure);
        }
    }

    private Object copy(Object value) throws ReflectiveOperationException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copies = new ArrayList<>(list.size());
            for (Object element : list) {
                copies.add(copy(element));
            }
            return Collections.unmodifiableList(copies);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copies = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copies.put(copy(entry.getKey()), copy(entry.getValue()));
            }
            return Collections.unmodifiableMap(copies);
        }
        if (value instanceof Enum<?> constant) {
            return enumConstant(applicationType(constant.getDeclaringClass()), constant.name());
        }
        if (value.getClass().isRecord()) {
            return record(value);
        }
        return proxy(value);
    }

    private Object record(Object value) throws ReflectiveOperationException {
        RecordComponent[] components = value.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = applicationType(components[i].getType());
            arguments[i] = copy(components[i].getAccessor().invoke(value));
        }
        Constructor<?> canonical = applicationType(value.getClass()).getConstructor(types);
        return canonical.newInstance(arguments);
    }

    /** A proxy of the application's interfaces for the agent's API interfaces {@code value} implements. */
    private Object proxy(Object value) throws ReflectiveOperationException {
        List<Class<?>> agentApis = new ArrayList<>();
        List<Class<?>> applicationApis = new ArrayList<>();
        for (Class<?> type = value.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                if (api.getName().startsWith(AGENT_API + ".")) {
                    agentApis.add(api);
                    applicationApis.add(applicationType(api));
                }
            }
        }
        if (agentApis.isEmpty()) {
            throw new ClassNotFoundException("no QueryBudget API type for " + value.getClass().getName());
        }
        InvocationHandler original = (proxy, method, arguments) -> switch (method.getName()) {
            case "equals" -> arguments[0] == proxy;
            case "hashCode" -> value.hashCode();
            case "toString" -> value.toString();
            default -> copy(agentMethod(agentApis, method.getName()).invoke(value));
        };
        return Proxy.newProxyInstance(application, applicationApis.toArray(Class<?>[]::new), original);
    }

    /** The API's accessor {@code name} (public API interfaces have no others), from the agent's interfaces. */
    private static Method agentMethod(List<Class<?>> apis, String name)
            throws NoSuchMethodException {
        for (Class<?> api : apis) {
            try {
                return api.getMethod(name);
            } catch (NoSuchMethodException next) {
                // another of its interfaces
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** {@code type} itself for a JDK type; else the application's type of the same name, unrelocated. */
    private Class<?> applicationType(Class<?> type) throws ClassNotFoundException {
        if (type.isPrimitive() || !type.getName().startsWith(AGENT_API + ".")) {
            return type;
        }
        return Class.forName(APPLICATION_API + type.getName().substring(AGENT_API.length()), false, application);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
