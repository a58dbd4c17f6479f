package dev.querybudget.spring;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import java.util.Arrays;

/**
 * Spring Boot's own auto-configurations by name, for tests that run on Boot 4.0 and 3.5: Boot 4 moved many to other
 * packages and modules. Each entry lists the Boot 4 name first, then the Boot 3.5 name; the one present is taken.
 */
final class BootClasses {

    static final String[] DATA_SOURCE = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"};
    static final String[] METRICS = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"};
    static final String[] SIMPLE_REGISTRY = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"};
    static final String[] COMPOSITE_REGISTRY = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"};
    static final String[] POOL_METRICS = {
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.jdbc.DataSourcePoolMetricsAutoConfiguration"};

    private BootClasses() {
    }

    static AutoConfigurations of(String[]... candidates) {
        return AutoConfigurations.of(Arrays.stream(candidates).map(BootClasses::load).toArray(Class<?>[]::new));
    }

    static Class<?> load(String[] names) {
        for (String name : names) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException next) {
                // the other line's name
            }
        }
        throw new IllegalStateException("none of " + Arrays.toString(names) + " is on the class path");
    }
}
