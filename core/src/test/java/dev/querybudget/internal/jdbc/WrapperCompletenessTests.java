package dev.querybudget.internal.jdbc;

import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.querybudget.internal.jdbc.JdbcMethods.label;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QueryBudget's JDBC wrappers held against the JDK's interfaces by reflection. The compiler asks for no override of a
 * default method, and the JDK keeps adding them; a default left in place answers "not supported" where the driver
 * would answer. So: every method of every {@code java.sql} / {@code javax.sql} interface a wrapper implements is
 * declared by the wrapper, reaches the driver exactly once with the very same arguments, and hands back the driver's
 * answer (wrapped, when it is a connection, a statement or a connection builder); every {@code execute…} is recorded
 * once; every setter of a bound value changes the bound-values hash.
 */
class WrapperCompletenessTests {

    private static final String NAME = "orders";

    /** Each wrapper, the driver interface it wraps, and how to put it in front of a driver object. */
    private static final List<Wrapped> WRAPPERS = List.of(
            new Wrapped(RecordingDataSource.class, DataSource.class,
                    driver -> new RecordingDataSource((DataSource) driver, NAME)),
            new Wrapped(RecordingConnectionBuilder.class, ConnectionBuilder.class,
                    driver -> new RecordingConnectionBuilder((ConnectionBuilder) driver, NAME)),
            new Wrapped(RecordingConnection.class, Connection.class,
                    driver -> new RecordingConnection((Connection) driver, NAME)),
            new Wrapped(RecordingStatement.class, Statement.class,
                    driver -> new RecordingStatement<>((Statement) driver, connection())),
            new Wrapped(RecordingPreparedStatement.class, PreparedStatement.class,
                    driver -> new RecordingPreparedStatement<>((PreparedStatement) driver, "select ?", connection())),
            new Wrapped(RecordingCallableStatement.class, CallableStatement.class,
                    driver -> new RecordingCallableStatement((CallableStatement) driver, "call p(?)", connection())));

    /** What the wrappers hand out wrapped, so that what runs through it is recorded: the type, and its wrapper. */
    private static final Map<Class<?>, Class<?>> HANDED_OUT_WRAPPED = Map.of(
            Connection.class, RecordingConnection.class,
            Statement.class, RecordingStatement.class,
            PreparedStatement.class, RecordingPreparedStatement.class,
            CallableStatement.class, RecordingCallableStatement.class,
            ConnectionBuilder.class, RecordingConnectionBuilder.class);

    /** The methods that do not forward one to one, each with why; each has a test of its own contract instead. */
    private static final Map<String, String> NOT_FORWARDED = Map.of(
            "Statement.getConnection()", "answers the recording connection that made the statement rather than asking"
                    + " the driver for its own, so that statements run through it are recorded too:"
                    + " aStatementHandsOutTheRecordingConnectionThatMadeIt");

    @TestFactory
    Stream<DynamicTest> everyJdbcMethodIsDeclaredByTheWrapperItself() {
        return WRAPPERS.stream().map(wrapped -> DynamicTest.dynamicTest(wrapped.type().getSimpleName(), () -> {
            Stream<String> inherited = wrapped.jdbcMethods()
                    .filter(method -> !JdbcMethods.declaredBy(wrapped.type(), method)).map(JdbcMethods::label);

            assertThat(inherited).as("methods %s leaves to its JDBC interfaces, whose defaults answer 'not"
                    + " supported' where the driver would answer: override each", wrapped.type().getSimpleName())
                    .isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicNode> everyOtherMethodReachesTheDriverOnceWithTheSameArguments() {
        return WRAPPERS.stream().map(wrapped -> eachMethod(wrapped,
                method -> !NOT_FORWARDED.containsKey(label(method)), WrapperCompletenessTests::assertForwards));
    }

    @Test
    void theMethodsThatDoNotForwardAreJdbcMethodsOfAWrapper() {
        Set<String> methods = WRAPPERS.stream().flatMap(Wrapped::jdbcMethods).map(JdbcMethods::label)
                .collect(Collectors.toSet());

        assertThat(methods).containsAll(NOT_FORWARDED.keySet());
    }

    @Test
    void aStatementHandsOutTheRecordingConnectionThatMadeIt() throws Exception {
        RecordingConnection connection = connection();
        Statement driver = FakeDriver.of(Statement.class);
        PreparedStatement preparedDriver = FakeDriver.of(PreparedStatement.class);
        CallableStatement callableDriver = FakeDriver.of(CallableStatement.class);

        assertThat(new RecordingStatement<>(driver, connection).getConnection()).isSameAs(connection);
        assertThat(new RecordingPreparedStatement<>(preparedDriver, "select ?", connection).getConnection())
                .isSameAs(connection);
        assertThat(new RecordingCallableStatement(callableDriver, "call p(?)", connection).getConnection())
                .isSameAs(connection);
        assertThat(Stream.of(driver, preparedDriver, callableDriver).map(FakeDriver::calls)).allMatch(List::isEmpty);
    }

    @TestFactory
    Stream<DynamicNode> everyExecuteIsRecordedOnce() {
        return statementWrappers().map(wrapped -> eachMethod(wrapped,
                method -> method.getName().startsWith("execute"), WrapperCompletenessTests::assertRecordedOnce));
    }

    @TestFactory
    Stream<DynamicNode> everySetterOfABoundValueChangesTheBoundValuesHash() {
        return statementWrappers().filter(wrapped -> PreparedStatement.class.isAssignableFrom(wrapped.driverType()))
                .map(wrapped -> eachMethod(wrapped, WrapperCompletenessTests::bindsAValue,
                        WrapperCompletenessTests::assertChangesTheHash));
    }

    /** A setter of {@code PreparedStatement} or {@code CallableStatement}, by position or by name: each binds one. */
    private static boolean bindsAValue(Method method) {
        return method.getName().startsWith("set") && (method.getDeclaringClass() == PreparedStatement.class
                || method.getDeclaringClass() == CallableStatement.class);
    }

    private static void assertRecordedOnce(Wrapped wrapped, Method method) throws Exception {
        Statement statement = (Statement) wrapped.around(FakeDriver.of(wrapped.driverType()));
        if (method.getName().contains("Batch")) {
            statement.addBatch("insert into item (id) values (1)"); // an empty batch runs nothing
        }

        ScopeReport report = QueryRecorder.record(label(method), () -> invoke(method, statement, arguments(method)));

        assertThat(report.counts().total()).as("%s: statements recorded", label(method)).isOne();
    }

    private static void assertChangesTheHash(Wrapped wrapped, Method method) throws Exception {
        RecordingPreparedStatement<?> statement =
                (RecordingPreparedStatement<?>) wrapped.around(FakeDriver.of(wrapped.driverType()));
        long unbound = statement.binds.hash(statement.sql); // as StatementRecorder reads it

        invoke(method, statement, arguments(method));

        assertThat(statement.binds.hash(statement.sql)).as("%s: the bound-values hash", label(method))
                .isNotEqualTo(unbound);
    }

    private static void assertForwards(Wrapped wrapped, Method method) throws Exception {
        Object driver = FakeDriver.of(wrapped.driverType());
        Object wrapper = wrapped.around(driver);
        Object[] arguments = arguments(method);

        Object result = invoke(method, wrapper, arguments);

        assertThat(FakeDriver.calls(driver)).as("%s: the calls the driver received", label(method))
                .singleElement().satisfies(call -> {
                    assertThat(call.method()).matches(called -> JdbcMethods.sameSignature(called, method),
                            label(method));
                    assertSameArguments(method, arguments, call.args());
                    assertHandsBack(method, wrapper, result, call.result());
                });
    }

    /** Each argument reaches the driver as it is: the very object, or an equal primitive. */
    private static void assertSameArguments(Method method, Object[] arguments, Object[] received) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int k = 0; k < parameters.length; k++) {
            if (parameters[k].isPrimitive()) {
                assertThat(received[k]).as("argument %d", k + 1).isEqualTo(arguments[k]);
            } else {
                assertThat(received[k]).as("argument %d", k + 1).isSameAs(arguments[k]);
            }
        }
    }

    /** {@code result} is the driver's answer as it is, or wrapped when it is a type the wrappers hand out wrapped. */
    private static void assertHandsBack(Method method, Object wrapper, Object result, Object driverResult)
            throws Exception {
        Class<?> wrapperType = HANDED_OUT_WRAPPED.get(method.getReturnType());
        if (wrapperType == null) {
            if (method.getReturnType().isPrimitive()) {
                assertThat(result).as("answer").isEqualTo(driverResult);
            } else {
                assertThat(result).as("answer").isSameAs(driverResult);
            }
            return;
        }
        assertThat(result).as("answer").isExactlyInstanceOf(wrapperType);
        if (result instanceof RecordingConnection connection) {
            assertThat(connection.target()).isSameAs(driverResult);
            assertThat(connection.dataSourceName()).isEqualTo(NAME);
        } else if (result instanceof RecordingStatement<?> statement) {
            assertThat(statement.target()).isSameAs(driverResult);
            assertThat(statement.getConnection()).isSameAs(wrapper);
        } else if (result instanceof RecordingConnectionBuilder builder) {
            assertThat(builder.target()).isSameAs(driverResult);
            assertThat(builder.build()).as("what it builds").isInstanceOfSatisfying(RecordingConnection.class,
                    built -> assertThat(built.dataSourceName()).isEqualTo(NAME));
        }
    }

    /**
     * One test value per parameter, each different. No JDBC method the wrappers implement takes a connection or a
     * statement, so none of them has a wrapper to unwrap before it calls the driver, and every argument must reach it
     * as it is. Should the JDK add one, this fails, so that the test says which it expects.
     */
    private static Object[] arguments(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int k = 0; k < parameters.length; k++) {
            assertThat(HANDED_OUT_WRAPPED).as("%s takes a %s, which a wrapper may unwrap before it calls the"
                    + " driver: expect that in this test", label(method), parameters[k].getSimpleName())
                    .doesNotContainKey(parameters[k]);
            arguments[k] = TestValues.of(parameters[k], 11 + k);
        }
        return arguments;
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    /** One test per JDBC method of {@code wrapped} that {@code filter} keeps, under the wrapper's name. */
    private static DynamicNode eachMethod(Wrapped wrapped, Predicate<Method> filter, MethodCheck check) {
        return DynamicContainer.dynamicContainer(wrapped.type().getSimpleName(), wrapped.jdbcMethods().filter(filter)
                .map(method -> DynamicTest.dynamicTest(label(method), () -> check.accept(wrapped, method))));
    }

    @FunctionalInterface
    private interface MethodCheck {
        void accept(Wrapped wrapped, Method method) throws Exception;
    }

    private static Stream<Wrapped> statementWrappers() {
        return WRAPPERS.stream().filter(wrapped -> Statement.class.isAssignableFrom(wrapped.driverType()));
    }

    private static RecordingConnection connection() {
        return new RecordingConnection(FakeDriver.of(Connection.class), NAME);
    }

    /** A wrapper, the driver interface it wraps, and how to put it in front of a driver object of that interface. */
    private record Wrapped(Class<?> type, Class<?> driverType, Function<Object, Object> wrap) {

        Object around(Object driver) {
            return wrap.apply(driver);
        }

        Stream<Method> jdbcMethods() {
            return JdbcMethods.of(type);
        }
    }
}
