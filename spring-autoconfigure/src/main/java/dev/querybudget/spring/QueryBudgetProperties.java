package dev.querybudget.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * QueryBudget's settings, under {@code querybudget.*}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("querybudget")
public class QueryBudgetProperties {

    /** Whether QueryBudget wraps DataSource beans and counts the statements of each request. */
    private boolean enabled = true;

    /** Executions of one statement shape from one call site that make an N+1 (at least 2). */
    private int threshold = 5;

    /** Statements one request may run before it is reported as over its query budget. */
    private int maxQueries = 10;

    /** What a request with findings does: log it (INFO), warn (WARN), or throw (fail the request; for dev and tests). */
    private Mode mode = Mode.LOG;

    /** Whether reports may show a few bind values; off, bind values never leave the process. */
    private boolean includeParameters = false;

    /** Names of DataSource beans that are not wrapped. */
    private List<String> excludedDataSources = new ArrayList<>();

    /** Packages of the application: the call site of a finding is the first frame in one of them. */
    private List<String> applicationPackages = new ArrayList<>();

    /** What is never reported. */
    private final Ignore ignore = new Ignore();

    /** The optional response header that carries a request's statement count. */
    private final ResponseHeader responseHeader = new ResponseHeader();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getThreshold() {
        return threshold;
    }

    public void setThreshold(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("querybudget.threshold must be at least 2, but was " + threshold);
        }
        this.threshold = threshold;
    }

    public int getMaxQueries() {
        return maxQueries;
    }

    public void setMaxQueries(int maxQueries) {
        if (maxQueries < 0) {
            throw new IllegalArgumentException("querybudget.max-queries must be at least 0, but was " + maxQueries);
        }
        this.maxQueries = maxQueries;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public boolean isIncludeParameters() {
        return includeParameters;
    }

    public void setIncludeParameters(boolean includeParameters) {
        this.includeParameters = includeParameters;
    }

    public List<String> getExcludedDataSources() {
        return excludedDataSources;
    }

    public void setExcludedDataSources(List<String> excludedDataSources) {
        this.excludedDataSources = excludedDataSources;
    }

    public List<String> getApplicationPackages() {
        return applicationPackages;
    }

    public void setApplicationPackages(List<String> applicationPackages) {
        this.applicationPackages = applicationPackages;
    }

    public Ignore getIgnore() {
        return ignore;
    }

    public ResponseHeader getResponseHeader() {
        return responseHeader;
    }

    /** What a request with findings does. */
    public enum Mode {
        /** Log the report at INFO. */
        LOG,
        /** Log the report at WARN. */
        WARN,
        /** Fail the request with a {@link QueryBudgetException}: for development and tests. */
        THROW
    }

    /** What QueryBudget leaves out of its reports. */
    public static class Ignore {

        /** Text fragments: a statement shape containing one is never a finding. */
        private List<String> shapes = new ArrayList<>();

        /** Route templates not reported; a trailing {@code *} matches a prefix ({@code /actuator/*}). */
        private List<String> urls = new ArrayList<>(List.of("/actuator/*"));

        /** Packages or classes: a finding whose call site passes through one is dropped. */
        private List<String> callSites = new ArrayList<>();

        public List<String> getShapes() {
            return shapes;
        }

        public void setShapes(List<String> shapes) {
            this.shapes = shapes;
        }

        public List<String> getUrls() {
            return urls;
        }

        public void setUrls(List<String> urls) {
            this.urls = urls;
        }

        public List<String> getCallSites() {
            return callSites;
        }

        public void setCallSites(List<String> callSites) {
            this.callSites = callSites;
        }
    }

    /** A response header with the request's statement count. */
    public static class ResponseHeader {

        /** Whether responses carry the header (it buffers each response body until the request ends). */
        private boolean enabled = false;

        /** The header's name. */
        private String name = "X-Query-Count";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
