package dev.querybudget.conformance;

/** How QueryBudget is in the forked application. */
enum FrontUnderTest {
    /** {@code -javaagent} at start-up, no QueryBudget jar on the class path. */
    AGENT(true, false),
    /** The Spring Boot starter on the class path. */
    STARTER(false, true),
    /** Both: one engine, each statement and request counted once. */
    AGENT_AND_STARTER(true, true),
    /** The starter, then the agent attached to the running application. */
    AGENT_ATTACHED_LATE(false, true);

    private final boolean agentAtStartUp;
    private final boolean starter;

    FrontUnderTest(boolean agentAtStartUp, boolean starter) {
        this.agentAtStartUp = agentAtStartUp;
        this.starter = starter;
    }

    boolean agentAtStartUp() {
        return agentAtStartUp;
    }

    boolean starter() {
        return starter;
    }
}
