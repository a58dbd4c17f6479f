package dev.querybudget.agent;

import com.example.orders.ManyThreadsApp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outside-requests=per-thread} in bounded memory: short-lived threads, each running one statement outside any
 * request, in waves of 2,500, in a forked JVM with a 64 MB heap. 300,000 virtual threads on JDK 21 and later; 100,000
 * platform threads on JDK 17, where starting one costs about 0.25 ms on the CI machines (300,000 would add minutes),
 * and 100,000 already took the agent before the limit to an OutOfMemoryError at this heap.
 */
class ThreadScopesIT {

    @Test
    void threeHundredThousandShortLivedThreadsStayWithinTheLimitAndEachStatementIsReported() throws Exception {
        ForkedJvm app = ForkedJvm.start(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), "outside-requests=per-thread",
                ManyThreadsApp.class.getName(), "running", false, "300000", "100000", "2500");
        String threads = app.awaitReady().split(" ")[0];
        int exit = app.awaitExit(300);

        assertThat(app.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(exit).as(app.stdout() + "\n" + app.stderr()).isZero();
        assertThat(app.stdout()).contains(
                "failed statements 0",
                "statements reported " + threads,
                "open thread scopes 0",
                "open thread scopes at the height of a wave, at most 1000",
                "peak open thread scopes 1000",
                "max open thread scopes 1000");
    }
}
