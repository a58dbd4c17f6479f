package dev.querybudget.conformance;

/** The conformance scenarios through {@link FrontUnderTest#AGENT}. */
class AgentConformanceTests extends HttpConformanceTests {

    @Override
    FrontUnderTest front() {
        return FrontUnderTest.AGENT;
    }
}
