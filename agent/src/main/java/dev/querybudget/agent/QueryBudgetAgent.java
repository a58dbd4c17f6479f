package dev.querybudget.agent;

import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.spi.Failures;
import dev.querybudget.spi.HandoverProtocol;
import net.bytebuddy.agent.builder.AgentBuilder;

import javax.management.ObjectName;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * The agent's entry points: {@code -javaagent:querybudget-agent.jar[=options]} at start-up, dynamic attach, and
 * {@code java -jar querybudget-agent.jar <pid> [options]} to attach to a running JVM.
 *
 * <p>Whatever goes wrong here, the application starts: a bad option prints one line and the agent stays off; any
 * other failure is logged once and the agent stays off.
 */
public final class QueryBudgetAgent {

    /** The JMX domain, {@code dev.querybudget}, which relocation leaves as it is. */
    static final String JMX_DOMAIN = HandoverProtocol.ROOT_PACKAGE;

    private QueryBudgetAgent() {
    }

    /** At start-up: no class the agent instruments is loaded yet, so none is retransformed. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, AgentBuilder.RedefinitionStrategy.DISABLED);
    }

    /** Attached to a running JVM: the pools, drivers and servlets it already loaded are retransformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }

    /** {@code java -jar querybudget-agent.jar <pid> [options]}: attaches this jar to a running JVM. */
    public static void main(String[] args) throws Exception {
        String jar = new java.io.File(QueryBudgetAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getAbsolutePath();
        int exit = new AttachCommand(System.out, System.err).run(args, jar);
        if (exit != AttachCommand.OK) {
            System.exit(exit);
        }
    }

    static synchronized void start(String arguments, Instrumentation instrumentation,
                                   AgentBuilder.RedefinitionStrategy loadedClasses) {
        ResolvedSettings options;
        try {
            options = AgentOptions.read(arguments, System::getProperty, System::getenv);
        } catch (InvalidSettingException invalid) {
            System.err.println(AgentOptions.refusal(invalid));
            return;
        }
        if (!options.get(Settings.ENABLED) || AgentBridge.hasStarted()) {
            return;
        }
        try {
            QueryBudgetTotals totals = new QueryBudgetTotals();
            Map<String, Object> mbeans = new LinkedHashMap<>(Map.of("Agent", totals));
            Sinks sinks = new Sinks(options, totals);
            RequestScopes requests = new RequestScopes(options, sinks);
            AgentBridge.activate(requests);
            if (options.get(Settings.OUTSIDE_REQUESTS).equals("per-thread")) {
                ThreadScopes outside = new ThreadScopes(requests.settings(), sinks);
                requests.reportOutsideRequests(outside);
                outside.start();
                mbeans.put("ThreadScopes", outside);
            }
            ByteBuddyDefaults.apply();
            registerMBeansInBackground(mbeans);
            AgentBuilder builder = new AgentBuilder.Default()
                    .disableClassFormatChanges()
                    .with(loadedClasses)
                    .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                    .ignore(nameStartsWith("net.bytebuddy.")
                            .or(nameStartsWith("dev.querybudget.agent."))
                            .or(nameStartsWith("java."))
                            .or(nameStartsWith("jdk."))
                            .or(nameStartsWith("sun."))
                            .or(nameStartsWith("com.sun."))
                            // Frameworks above the pools, drivers and containers where connections and requests
                            // begin: what their DataSources and filters hand on is caught below them, and each class
                            // left alone is one transformation fewer while the application starts.
                            .or(nameStartsWith("org.springframework."))
                            .or(nameStartsWith("org.hibernate.")
                                    .and(not(named(HibernateInstrumentation.SESSION_FACTORY)))));
            builder = ConnectionInstrumentation.install(builder);
            builder = ServletInstrumentation.install(builder);
            builder = HibernateInstrumentation.install(builder);
            builder.installOn(instrumentation);
            installConcurrency(instrumentation);
            LateHandover.offerToLoadedCopies(instrumentation);
        } catch (RuntimeException | LinkageError failure) {
            Failures.report("starting the agent", failure);
        }
    }

    /** Scopes that follow the work to executors and threads: on its own, so that a failure leaves the rest on. */
    private static void installConcurrency(Instrumentation instrumentation) {
        try {
            BootstrapJar.append(instrumentation); // first: verifying the instrumentation loads the bootstrap classes
            ScopeCarrying.install(instrumentation);
        } catch (Exception | LinkageError failure) {
            Failures.report("carrying scopes to executors and threads", failure);
        }
    }

    /**
     * Registers the MBeans ({@code dev.querybudget:type=<key>}) on a thread of its own: the platform MBean server costs
     * a few hundred classes, which the application's start-up need not wait for.
     */
    private static void registerMBeansInBackground(Map<String, Object> mbeansByType) {
        Thread registration = new Thread(() -> mbeansByType.forEach((type, mbean) -> {
            try {
                ManagementFactory.getPlatformMBeanServer()
                        .registerMBean(mbean, new ObjectName(JMX_DOMAIN + ":type=" + type));
            } catch (Exception | LinkageError failure) {
                Failures.report("registering the JMX MBean", failure);
            }
        }), "querybudget-jmx");
        registration.setDaemon(true);
        registration.start();
    }
}
