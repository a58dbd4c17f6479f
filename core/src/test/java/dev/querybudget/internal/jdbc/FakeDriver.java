package dev.querybudget.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver object for tests: a JDK proxy of one interface that notes every call and answers each with a fresh
 * {@link TestValues test value} of the method's return type (another fake for an interface), so that a test can tell
 * the answer it got from any other.
 */
final class FakeDriver implements InvocationHandler {

    /** One call the fake received, and what it answered. */
    record Call(Method method, Object[] args, Object result) {
    }

    private final Class<?> type;
    private final List<Call> calls = new ArrayList<>();

    private FakeDriver(Class<?> type) {
        this.type = type;
    }

    static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(FakeDriver.class.getClassLoader(), new Class<?>[]{type},
                new FakeDriver(type)));
    }

    /** The calls {@code fake}, made by {@link #of}, has received so far. */
    static List<Call> calls(Object fake) {
        return List.copyOf(((FakeDriver) Proxy.getInvocationHandler(fake)).calls);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "fake " + type.getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
            };
        }
        Object result = TestValues.of(method.getReturnType(), 42);
        calls.add(new Call(method, args == null ? new Object[0] : args, result));
        return result;
    }
}
