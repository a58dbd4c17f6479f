package dev.querybudget.agent;

import dev.querybudget.Finding;
import dev.querybudget.ScopeReport;
import dev.querybudget.spi.Failures;

import java.lang.reflect.Method;

/**
 * Meters on the application's global Micrometer registry, found reflectively through the request thread's class
 * loader (the agent has no Micrometer of its own): {@code querybudget.request.queries} (distribution summary, tags
 * {@code method}, {@code route}) and {@code querybudget.findings} (counter, tags {@code kind}, {@code route}) — the
 * names the Spring starter uses. Tag values come from bounded sets: HTTP methods, route templates, finding kinds.
 */
final class MicrometerMeters {

    private final ClassValue<Api> apis = new ClassValue<>() {
        @Override
        protected Api computeValue(Class<?> anchor) {
            return Api.find(anchor.getClassLoader());
        }
    };

    void record(ScopeReport report, String method, String route) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            return;
        }
        Api api;
        try {
            api = apis.get(Class.forName("io.micrometer.core.instrument.Metrics", false, loader));
        } catch (ClassNotFoundException noMicrometer) {
            return;
        }
        if (api == null) {
            return;
        }
        try {
            api.summary(new String[]{"method", method, "route", route}, report.counts().total());
            for (Finding finding : report.findings()) {
                api.count(new String[]{"kind", finding.kind().name(), "route", route});
            }
        } catch (ReflectiveOperationException | RuntimeException failure) {
            Failures.report("recording Micrometer meters", failure);
        }
    }

    /** Micrometer's builder API, reflectively. */
    private record Api(Object registry, Method summaryBuilder, Method summaryTags, Method summaryRegister,
                       Method summaryRecord, Method counterBuilder, Method counterTags, Method counterRegister,
                       Method counterIncrement, Method baseUnit) {

        static Api find(ClassLoader loader) {
            try {
                Class<?> metrics = Class.forName("io.micrometer.core.instrument.Metrics", true, loader);
                Class<?> meterRegistry = Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader);
                Class<?> summary = Class.forName("io.micrometer.core.instrument.DistributionSummary", false, loader);
                Class<?> summaryBuilder = Class.forName("io.micrometer.core.instrument.DistributionSummary$Builder",
                        false, loader);
                Class<?> counter = Class.forName("io.micrometer.core.instrument.Counter", false, loader);
                Class<?> counterBuilder = Class.forName("io.micrometer.core.instrument.Counter$Builder", false, loader);
                return new Api(metrics.getField("globalRegistry").get(null),
                        summary.getMethod("builder", String.class), summaryBuilder.getMethod("tags", String[].class),
                        summaryBuilder.getMethod("register", meterRegistry), summary.getMethod("record", double.class),
                        counter.getMethod("builder", String.class), counterBuilder.getMethod("tags", String[].class),
                        counterBuilder.getMethod("register", meterRegistry), counter.getMethod("increment"),
                        summaryBuilder.getMethod("baseUnit", String.class));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException failure) {
                return null;
            }
        }

        void summary(String[] tags, long value) throws ReflectiveOperationException {
            Object builder = summaryBuilder.invoke(null, "querybudget.request.queries");
            builder = baseUnit.invoke(builder, "queries");
            builder = summaryTags.invoke(builder, (Object) tags);
            summaryRecord.invoke(summaryRegister.invoke(builder, registry), (double) value);
        }

        void count(String[] tags) throws ReflectiveOperationException {
            Object builder = counterBuilder.invoke(null, "querybudget.findings");
            builder = counterTags.invoke(builder, (Object) tags);
            counterIncrement.invoke(counterRegister.invoke(builder, registry));
        }
    }
}
