package dev.querybudget.internal.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * A value of any type a JDBC method takes or returns, built from a seed so that two arguments of one call differ: a
 * fresh object for a class, a {@link FakeDriver} for an interface, a one-element array for an array.
 */
final class TestValues {

    private static final Map<Class<?>, IntFunction<Object>> CLASSES = Map.ofEntries(
            Map.entry(Object.class, seed -> new Object()),
            Map.entry(String.class, seed -> "value " + seed),
            Map.entry(Class.class, seed -> String.class),
            Map.entry(BigDecimal.class, BigDecimal::valueOf),
            Map.entry(Date.class, seed -> new Date(seed)),
            Map.entry(Time.class, seed -> new Time(seed)),
            Map.entry(Timestamp.class, seed -> new Timestamp(seed)),
            Map.entry(Calendar.class, seed -> Calendar.getInstance()),
            Map.entry(URL.class, TestValues::url),
            Map.entry(InputStream.class, seed -> new ByteArrayInputStream(new byte[]{(byte) seed})),
            Map.entry(Reader.class, seed -> new StringReader("value " + seed)),
            Map.entry(PrintWriter.class, seed -> new PrintWriter(Writer.nullWriter())),
            Map.entry(Logger.class, seed -> Logger.getAnonymousLogger()),
            Map.entry(SQLWarning.class, seed -> new SQLWarning("warning " + seed)),
            Map.entry(SQLType.class, seed -> JDBCType.INTEGER),
            Map.entry(Map.class, seed -> new HashMap<>()),
            Map.entry(Properties.class, seed -> new Properties()));

    private TestValues() {
    }

    /** A value of {@code type} ({@code null} for {@code void}); it fails for a class it has no value of. */
    static Object of(Class<?> type, int seed) {
        if (type == void.class) {
            return null;
        }
        if (type.isPrimitive()) {
            return primitive(type, seed);
        }
        if (type.isArray()) {
            Object array = Array.newInstance(type.getComponentType(), 1);
            Array.set(array, 0, of(type.getComponentType(), seed));
            return array;
        }
        IntFunction<Object> value = CLASSES.get(type);
        if (value != null) {
            return value.apply(seed);
        }
        if (type.isInterface()) {
            return FakeDriver.of(type);
        }
        throw new IllegalArgumentException("No test value of " + type.getName() + ": add one to TestValues");
    }

    private static Object primitive(Class<?> type, int seed) {
        if (type == boolean.class) {
            return true;
        }
        if (type == char.class) {
            return (char) ('a' + seed % 26);
        }
        if (type == byte.class) {
            return (byte) seed;
        }
        if (type == short.class) {
            return (short) seed;
        }
        if (type == int.class) {
            return seed;
        }
        if (type == long.class) {
            return (long) seed;
        }
        return type == float.class ? (Object) (float) seed : (Object) (double) seed;
    }

    private static URL url(int seed) {
        try {
            return URI.create("https://example.com/" + seed).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
