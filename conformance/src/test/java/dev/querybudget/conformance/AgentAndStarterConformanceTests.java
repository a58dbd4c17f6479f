package dev.querybudget.conformance;

/** The conformance scenarios through {@link FrontUnderTest#AGENT_AND_STARTER}. */
class AgentAndStarterConformanceTests extends HttpConformanceTests {

    @Override
    FrontUnderTest front() {
        return FrontUnderTest.AGENT_AND_STARTER;
    }
}
