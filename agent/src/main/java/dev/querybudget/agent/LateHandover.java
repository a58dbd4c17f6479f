package dev.querybudget.agent;

import dev.querybudget.spi.Failures;
import dev.querybudget.spi.HandoverProtocol;

import java.lang.instrument.Instrumentation;

/**
 * Attached to a running JVM, the agent finds the application's own copies of QueryBudget that already looked for an
 * agent and found none (the Spring starter's, already wrapping and reporting), and has each look again now
 * ({@link HandoverProtocol#APPLICATION_OFFER}): from then on there is one engine. A copy loaded but not yet used
 * looks by itself at its first scope or wrap.
 */
final class LateHandover {

    private LateHandover() {
    }

    /** Called once the agent is active and its instrumentation installed, so a copy that links finds all in place. */
    static void offerToLoadedCopies(Instrumentation instrumentation) {
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().equals(HandoverProtocol.APPLICATION_CLASS)) {
                try {
                    type.getMethod(HandoverProtocol.APPLICATION_OFFER).invoke(null);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
                    Failures.report("offering the agent to the application's QueryBudget", failure);
                }
            }
        }
    }
}
