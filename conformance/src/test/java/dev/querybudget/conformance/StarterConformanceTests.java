package dev.querybudget.conformance;

/** The conformance scenarios through {@link FrontUnderTest#STARTER}. */
class StarterConformanceTests extends HttpConformanceTests {

    @Override
    FrontUnderTest front() {
        return FrontUnderTest.STARTER;
    }
}
