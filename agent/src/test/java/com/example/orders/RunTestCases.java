package com.example.orders;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a fixture class on the Jupiter engine in this JVM and prints each test's outcome between markers. */
public final class RunTestCases {

    private RunTestCases() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println("running " + args[0]);
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Class.forName(args[0]))).execute()
                .testEvents().finished().stream().forEach(event -> {
                    TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                    System.out.println("== " + event.getTestDescriptor().getDisplayName());
                    System.out.println(result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "passed"
                            : result.getThrowable().map(Throwable::getMessage).orElse("failed"));
                });
        System.out.println("== end");
    }
}
