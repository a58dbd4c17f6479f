package dev.querybudget.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records each test's statement shapes and counts in a plain-text file beside the test class, and fails a later
 * run in which a count grows or a new shape appears.
 *
 * <p>The file is {@code src/test/java/<package>/<TestClass>.queries} (the folder is the configuration parameter
 * {@code querybudget.snapshots.dir}): one section per test, one {@code count  shape} line per shape, sorted, so it
 * diffs cleanly in a pull request. A test without a section is recorded on its first run. A shrinking count passes
 * and is reported; {@code -Dquerybudget.snapshots.update=true} rewrites the file with the counts of the run.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(QueryBudgetExtension.class)
public @interface QuerySnapshot {
}
