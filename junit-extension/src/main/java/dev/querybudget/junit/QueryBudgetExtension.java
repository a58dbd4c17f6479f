package dev.querybudget.junit;

import dev.querybudget.Finding;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.ScopeReport;
import dev.querybudget.junit.QueryBudget.Action;
import dev.querybudget.settings.Settings;
import dev.querybudget.report.FindingRenderer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens a QueryBudget scope around each test method of a {@link QueryBudget @QueryBudget} or
 * {@link QuerySnapshot @QuerySnapshot} test and fails the test on what its budget does not allow. All per-test
 * state lives in the test's {@link ExtensionContext.Store}.
 */
final class QueryBudgetExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(QueryBudgetExtension.class);
    private static final String SCOPE = "scope";
    private static final String BUDGET = "budget";
    private static final String SNAPSHOT = "snapshot";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        QueryBudget annotation = findAnnotation(context, QueryBudget.class).orElse(null);
        TestBudget budget = TestBudget.resolve(annotation, context::getConfigurationParameter,
                context.getTestClass().orElse(null));
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(BUDGET, budget);
        // A test runs its code once: exact call sites from each shape's first execution.
        store.put(SCOPE, QueryRecorder.open(scopeName(context), budget.settings()).exactCallSites());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        QueryScope scope = store.remove(SCOPE, QueryScope.class);
        TestBudget budget = store.remove(BUDGET, TestBudget.class);
        if (scope == null || budget == null) {
            return;
        }
        ScopeReport report = scope.finish();
        if (context.getExecutionException().isPresent()) {
            return; // the test's own failure says more than its query count
        }
        if (!QueryRecorder.isInstalled()) {
            throw new AssertionFailedError(FailureMessages.NOT_WIRED);
        }
        List<String> problems = new ArrayList<>();
        List<Finding> failing = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Action action = budget.actionFor(finding.kind());
            if (action == Action.FAIL) {
                failing.add(finding);
            } else if (action == Action.REPORT) {
                context.publishReportEntry("querybudget", FindingRenderer.render(finding));
            }
        }
        if (!failing.isEmpty()) {
            problems.add(FailureMessages.findings(report, failing));
        }
        snapshot(context, budget).ifPresent(file -> {
            SnapshotFile.Comparison comparison = file.compare(snapshotKey(context), report.shapes());
            if (!comparison.shrank().isEmpty()) {
                context.publishReportEntry("querybudget.snapshot", "Fewer statements than the snapshot "
                        + file.path().getFileName() + " records (rewrite it with -D" + Settings.SNAPSHOTS_UPDATE.propertyName()
                        + "=true to keep the gain):\n" + String.join("\n", comparison.shrank()));
            }
            if (!comparison.grew().isEmpty()) {
                problems.add("Query snapshot " + file.path().getFileName() + " [" + snapshotKey(context)
                        + "] no longer matches this run:\n" + String.join("\n", comparison.grew())
                        + "\nA shape is new or ran more often. If the change is intended, rewrite the snapshot with -D"
                        + Settings.SNAPSHOTS_UPDATE.propertyName() + "=true.");
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(String.join("\n\n", problems));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SnapshotFile file = context.getStore(NAMESPACE).get(SNAPSHOT, SnapshotFile.class);
        if (file != null) {
            file.writeIfChanged();
        }
    }

    // getOrComputeIfAbsent is deprecated in JUnit 6 for computeIfAbsent, which JUnit 5.12 (Spring Boot 3.5's line)
    // does not have: the extension keeps the method both lines share.
    @SuppressWarnings("deprecation")
    private static Optional<SnapshotFile> snapshot(ExtensionContext context, TestBudget budget) {
        Optional<ExtensionContext> classContext = classContext(context);
        if (classContext.isEmpty() || findAnnotation(context, QuerySnapshot.class).isEmpty()) {
            return Optional.empty();
        }
        boolean update = budget.updateSnapshots();
        Path directory = budget.snapshotDirectory();
        return Optional.of(classContext.get().getStore(NAMESPACE).getOrComputeIfAbsent(SNAPSHOT,
                key -> SnapshotFile.load(directory, context.getRequiredTestClass(), update), SnapshotFile.class));
    }

    /** The context of the test's own class, whose store outlives its tests. */
    private static Optional<ExtensionContext> classContext(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            ExtensionContext candidate = current.get();
            if (candidate.getElement().filter(Class.class::isInstance).isPresent()
                    && candidate.getRequiredTestClass() == context.getRequiredTestClass()) {
                return current;
            }
            current = candidate.getParent();
        }
        return Optional.empty();
    }

    /** The annotation on the method, else on its class, else on an enclosing class ({@code @Nested}). */
    static <A extends java.lang.annotation.Annotation> Optional<A> findAnnotation(ExtensionContext context,
                                                                              Class<A> type) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<A> found = current.get().getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, type));
            if (found.isPresent()) {
                return found;
            }
            current = current.get().getParent();
        }
        return Optional.empty();
    }

    private static String scopeName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + snapshotKey(context);
    }

    /** The test's method name, with the invocation's display name for parameterized and repeated tests. */
    private static String snapshotKey(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        boolean invocation = context.getParent().flatMap(ExtensionContext::getElement)
                .filter(element -> element.equals(context.getRequiredTestMethod())).isPresent();
        return invocation ? method + " " + context.getDisplayName() : method;
    }
}
