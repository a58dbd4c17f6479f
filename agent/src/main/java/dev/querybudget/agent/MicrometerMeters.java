package dev.querybudget.agent;

import dev.querybudget.meter.MeterRecorder;
import dev.querybudget.meter.MeterSchema;
import dev.querybudget.meter.MeterType;

import java.lang.reflect.Method;

/**
 * Core's {@link MeterSchema} on the application's global Micrometer registry, found reflectively through the request
 * thread's class loader (the agent has no Micrometer of its own): the same meter ids, descriptions and base units as
 * the Spring starter's. Without Micrometer it records nothing.
 */
final class MicrometerMeters implements MeterRecorder {

    private final ClassValue<Api> apis = new ClassValue<>() {
        @Override
        protected Api computeValue(Class<?> anchor) {
            return Api.find(anchor.getClassLoader());
        }
    };

    @Override
    public void record(MeterSchema meter, String[] tags, double amount) {
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
            api.record(meter, tags, amount);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("recording " + meter.meterName() + " on Micrometer", failure);
        }
    }

    /** Micrometer's builders, reflectively: one {@link Builder} per meter type. */
    private record Api(Object registry, Builder counter, Builder summary) {

        static Api find(ClassLoader loader) {
            try {
                Class<?> metrics = Class.forName("io.micrometer.core.instrument.Metrics", true, loader);
                Class<?> registry = Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader);
                return new Api(metrics.getField("globalRegistry").get(null),
                        Builder.of(loader, "io.micrometer.core.instrument.Counter", registry, "increment"),
                        Builder.of(loader, "io.micrometer.core.instrument.DistributionSummary", registry, "record"));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException failure) {
                return null;
            }
        }

        void record(MeterSchema meter, String[] tags, double amount) throws ReflectiveOperationException {
            (meter.type() == MeterType.COUNTER ? counter : summary).record(registry, meter, tags, amount);
        }
    }

    /** {@code builder(name).description(…).baseUnit(…).tags(…).register(registry)}, then the meter's record method. */
    private record Builder(Method builder, Method description, Method baseUnit, Method tags, Method register,
                           Method record) {

        static Builder of(ClassLoader loader, String meter, Class<?> registry, String recordMethod)
                throws ReflectiveOperationException {
            Class<?> type = Class.forName(meter, false, loader);
            Class<?> builder = Class.forName(meter + "$Builder", false, loader);
            return new Builder(type.getMethod("builder", String.class), builder.getMethod("description", String.class),
                    builder.getMethod("baseUnit", String.class), builder.getMethod("tags", String[].class),
                    builder.getMethod("register", registry), type.getMethod(recordMethod, double.class));
        }

        void record(Object registry, MeterSchema meter, String[] tagValues, double amount)
                throws ReflectiveOperationException {
            Object building = builder.invoke(null, meter.meterName());
            building = description.invoke(building, meter.description());
            if (meter.baseUnit() != null) {
                building = baseUnit.invoke(building, meter.baseUnit());
            }
            building = tags.invoke(building, (Object) tagValues);
            record.invoke(register.invoke(building, registry), amount);
        }
    }
}
