package dev.querybudget.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test that runs an N+1 or more statements than its budget allows.
 *
 * <pre>{@code
 * @Test
 * @QueryBudget(max = 3)
 * void listsTheOrdersOfACustomer() {
 *     service.listOrders(customerId);
 * }
 * }</pre>
 *
 * <p>With no attributes it means "no N+1 allowed, no count limit". On a method it wins over one on the class (or an
 * enclosing class of a {@code @Nested} test); it is inherited and works as a meta-annotation. Statements are
 * counted from the test method itself: {@code @BeforeEach} set-up is not counted.
 *
 * <p>Defaults come from JUnit configuration parameters ({@code junit-platform.properties} or system properties),
 * one per setting of core's table ({@link dev.querybudget.settings.Settings}), the same names as the agent and the
 * Spring Boot starter read: {@code querybudget.threshold}, {@code querybudget.max-queries},
 * {@code querybudget.n-plus-one}, {@code querybudget.duplicates}, {@code querybudget.unbatched-writes}
 * ({@code fail}, {@code report} or {@code ignore}), {@code querybudget.threads} ({@code test} or {@code all}),
 * {@code querybudget.include-parameters}, and the comma-separated lists {@code querybudget.application-packages},
 * {@code querybudget.skip-frames}, {@code querybudget.ignore-shapes} and {@code querybudget.ignore-call-sites}.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QueryBudgetExtension.class)
public @interface QueryBudget {

    /** No limit: the value of a budget attribute left out. */
    int UNLIMITED = -1;

    /**
     * The most statements the test may run, of every type together. Left out: {@code querybudget.max-queries}, else
     * no limit.
     */
    int max() default UNLIMITED;

    /** The most SELECT statements (including {@code WITH … SELECT}). */
    int select() default UNLIMITED;

    /** The most INSERT statements; a JDBC batch counts once. */
    int insert() default UNLIMITED;

    /** The most UPDATE (and MERGE) statements; a JDBC batch counts once. */
    int update() default UNLIMITED;

    /** The most DELETE statements; a JDBC batch counts once. */
    int delete() default UNLIMITED;

    /**
     * Executions of one read shape from one call site that make an N+1 (and of one write shape, outside a batch,
     * that make an unbatched write): at least 2. Left out: {@code querybudget.threshold}, else 3 (5 for a request in
     * a running application: a test's fixture is small, so three lookups already show the loop).
     */
    int threshold() default UNLIMITED;

    /** What an N+1 does to the test. Left out: {@code querybudget.n-plus-one}, else {@link Action#FAIL}. */
    Action nPlusOne() default Action.DEFAULT;

    /** What a duplicate query does. Left out: {@code querybudget.duplicates}, else {@link Action#REPORT}. */
    Action duplicates() default Action.DEFAULT;

    /** What an unbatched write does. Left out: {@code querybudget.unbatched-writes}, else {@link Action#REPORT}. */
    Action unbatchedWrites() default Action.DEFAULT;

    /**
     * Whose statements count. Left out: {@code querybudget.threads}, else {@link Threads#ALL} in a
     * {@code @SpringBootTest} whose context starts a web server ({@code RANDOM_PORT}, {@code DEFINED_PORT}: the server
     * runs the test's requests on its own threads), else {@link Threads#TEST}. Use {@link Threads#ALL} for any other
     * test that calls a server running on its own threads; such tests should not run in parallel with others, whose
     * statements they would see too.
     */
    Threads threads() default Threads.DEFAULT;

    /** What a kind of finding does to the test. */
    enum Action {
        /** What the configuration parameter says, else the kind's default. */
        DEFAULT,
        /** The test fails, with the finding in its message. */
        FAIL,
        /** The test passes; the finding is published as a report entry. */
        REPORT,
        /** Not looked for. */
        IGNORE
    }

    /** Which threads' statements a test counts. */
    enum Threads {
        /** What {@code querybudget.threads} says, else {@link #TEST}. */
        DEFAULT,
        /** The test method's own thread. */
        TEST,
        /** Every thread, while the test method runs. */
        ALL
    }
}
