package dev.querybudget.conformance;

/** The conformance scenarios through {@link FrontUnderTest#AGENT_ATTACHED_LATE}. */
class AgentAttachedLateConformanceTests extends HttpConformanceTests {

    @Override
    FrontUnderTest front() {
        return FrontUnderTest.AGENT_ATTACHED_LATE;
    }
}
