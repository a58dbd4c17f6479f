package dev.querybudget.internal.scope;

import dev.querybudget.CallSite;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.spi.HandoverProtocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Finding the application code behind a statement. The expensive part of QueryBudget: it runs only for shapes
 * that repeat, a bounded number of times per shape (see {@link ShapeStats}).
 */
public final class CallSites {

    /**
     * QueryBudget's own package as the application's copy names it: the agent's relocated copy must still pass over
     * the application's QueryBudget frames (the starter's filter, the application's own core).
     */
    private static final String QUERYBUDGET = HandoverProtocol.ROOT_PACKAGE;
    /** Frames kept per capture; what the scopes' own filters then choose from. */
    static final int CANDIDATE_FRAMES = 16;
    /** Frames a finding shows, from the call site outwards. */
    static final int STACK_FRAMES = 5;

    /**
     * Libraries between the application and the database, which are never the call site unless the user names them
     * in {@code application-packages}. Stack-frame names are matched by prefix, so the JDK's proxy packages
     * ({@code com.sun.proxy}, {@code jdk.proxy2}) are covered by {@code com.sun.} and {@code jdk.} on every JDK.
     * Frameworks are named by their own packages, never by their organisation's root: an application under
     * {@code org.springframework.samples} or {@code org.hibernate.example} is the application.
     */
    private static final String[] LIBRARY_PREFIXES = {
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
            "dev.querybudget.internal.", QUERYBUDGET + ".internal.", QUERYBUDGET + ".agent.",
            QUERYBUDGET + ".spring.",
            "net.ttddyy.dsproxy.", "net.bytebuddy.",
            "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.commons.pool", "org.apache.tomcat.jdbc.",
            "com.mchange.", "org.vibur.", "io.agroal.", "com.alibaba.druid.",
            "org.h2.", "org.postgresql.", "org.mariadb.jdbc.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.",
            "org.hsqldb.", "org.apache.derby.", "org.sqlite.", "com.ibm.db2.",
            "org.hibernate.orm.", "org.hibernate.engine.", "org.hibernate.internal.", "org.hibernate.loader.",
            "org.hibernate.sql.", "org.hibernate.query.", "org.hibernate.collection.", "org.hibernate.proxy.",
            "org.hibernate.event.", "org.hibernate.persister.", "org.hibernate.metamodel.", "org.hibernate.action.",
            "org.hibernate.resource.", "org.hibernate.bytecode.", "org.hibernate.id.", "org.hibernate.type.",
            "org.hibernate.jpa.", "org.hibernate.boot.", "org.hibernate.cache.", "org.hibernate.dialect.",
            "org.hibernate.context.", "org.hibernate.tuple.", "org.hibernate.property.", "org.hibernate.procedure.",
            "org.hibernate.search.", "org.hibernate.envers.", "org.hibernate.reactive.", "org.hibernate.validator.",
            "org.hibernate.generator.", "org.hibernate.mapping.", "org.hibernate.spi.", "org.hibernate.Hibernate",
            "org.hibernate.Session", "org.hibernate.Stateless",
            "org.springframework.aop.", "org.springframework.aot.", "org.springframework.beans.",
            "org.springframework.boot.", "org.springframework.cache.", "org.springframework.cglib.",
            "org.springframework.context.", "org.springframework.core.", "org.springframework.dao.",
            "org.springframework.data.", "org.springframework.expression.", "org.springframework.format.",
            "org.springframework.http.", "org.springframework.jdbc.", "org.springframework.jms.",
            "org.springframework.jndi.", "org.springframework.messaging.", "org.springframework.orm.",
            "org.springframework.r2dbc.", "org.springframework.scheduling.", "org.springframework.security.",
            "org.springframework.test.", "org.springframework.transaction.", "org.springframework.util.",
            "org.springframework.validation.", "org.springframework.web.", "org.springframework.ui.",
            "org.springframework.batch.", "org.springframework.integration.", "org.springframework.kafka.",
            "org.springframework.amqp.", "org.springframework.retry.", "org.springframework.session.",
            "org.springframework.graphql.", "org.springframework.hateoas.", "org.springframework.cloud.",
            "org.springframework.modulith.", "org.springframework.ws.", "org.springframework.ldap.",
            "org.springframework.instrument.", "org.springframework.objenesis.", "org.springframework.asm.",
            "org.springframework.scripting.", "org.springframework.jmx.", "org.springframework.mock.",
            "org.jooq.", "org.apache.ibatis.", "org.mybatis.",
            "org.eclipse.persistence.", "org.jdbi.", "io.micrometer.", "io.opentelemetry.", "io.github.resilience4j.",
            "reactor.", "io.reactivex.", "org.reactivestreams.", "io.netty.",
            "org.junit.", "org.assertj.", "org.mockito.", "org.apache.maven.surefire.", "org.gradle.",
            "worker.org.gradle.", "org.testcontainers.",
            "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.eclipse.jetty.", "io.undertow.",
            "com.fasterxml.jackson.", "tools.jackson.", "com.google.gson.", "org.eclipse.yasson.",
            "org.thymeleaf.", "freemarker.", "com.samskivert.mustache.", "gg.jte.", "org.apache.jasper.",
            "org.apache.tiles.", "groovy.text.", "io.pebbletemplates.",
            "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "org.aspectj.", "org.slf4j.",
            "ch.qos.logback.", "org.apache.logging.log4j.",
    };

    /**
     * Where a statement runs when no application frame is on the stack: after the handler returned, as the response
     * is rendered (open-session-in-view). The first of these on the stack, nearest the statement, says which.
     */
    private static final String[][] RENDERING = {
            {"com.fasterxml.jackson.", "JSON serialization (Jackson)"},
            {"tools.jackson.", "JSON serialization (Jackson)"},
            {"com.google.gson.", "JSON serialization (Gson)"},
            {"org.eclipse.yasson.", "JSON serialization (JSON-B)"},
            {"kotlinx.serialization.", "JSON serialization (kotlinx.serialization)"},
            {"org.thymeleaf.", "view rendering (Thymeleaf)"},
            {"freemarker.", "view rendering (FreeMarker)"},
            {"com.samskivert.mustache.", "view rendering (Mustache)"},
            {"gg.jte.", "view rendering (jte)"},
            {"org.apache.jasper.", "view rendering (JSP)"},
            {"io.pebbletemplates.", "view rendering (Pebble)"},
            {"groovy.text.", "view rendering (Groovy templates)"},
            {"org.springframework.web.servlet.view.", "view rendering"},
    };

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSites() {
    }

    /** The first {@link #CANDIDATE_FRAMES} frames of the current thread that are not library code. */
    public static List<CallSite> capture() {
        return capture(List.of()).frames();
    }

    /**
     * The first {@link #CANDIDATE_FRAMES} frames of the current thread that are the application's: not library code,
     * or under one of {@code applicationPackages} (which wins over every built-in rule). When there is none, what
     * ran the statement instead.
     */
    static Captured capture(List<String> applicationPackages) {
        return WALKER.walk(frames -> {
            List<CallSite> kept = new ArrayList<>(CANDIDATE_FRAMES);
            String rendering = null;
            String library = null;
            Iterator<StackWalker.StackFrame> walk = frames.iterator();
            while (walk.hasNext() && kept.size() < CANDIDATE_FRAMES) {
                StackWalker.StackFrame frame = walk.next();
                String className = frame.getClassName();
                if (startsWithAny(className, applicationPackages) || !isLibrary(className, frame.getMethodName())) {
                    kept.add(new CallSite(className, frame.getMethodName(), frame.getFileName(),
                            frame.getLineNumber()));
                } else if (kept.isEmpty() && rendering == null) {
                    rendering = rendering(className);
                    if (library == null && !isPlumbing(className)) {
                        library = className + "." + frame.getMethodName();
                    }
                }
            }
            return new Captured(List.copyOf(kept), kept.isEmpty() ? context(rendering, library) : null);
        });
    }

    /** What a stack without an application frame ran in, for the finding to say instead of a call site. */
    private static String context(String rendering, String library) {
        if (rendering != null) {
            return "it ran during " + rendering + ", after the request's handler returned, as a lazy load outside"
                    + " the handler's transaction: open-session-in-view";
        }
        return library == null ? null : "it ran inside " + library;
    }

    private static String rendering(String className) {
        for (String[] known : RENDERING) {
            if (className.startsWith(known[0])) {
                return known[1];
            }
        }
        return null;
    }

    /** The frames between any code and the database that say nothing about what ran the statement. */
    private static boolean isPlumbing(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.") || className.startsWith("dev.querybudget.")
                || className.startsWith(QUERYBUDGET + ".") || className.startsWith("org.hibernate.")
                || className.startsWith("com.zaxxer.") || className.startsWith("net.bytebuddy.")
                || className.startsWith("org.springframework.aop.") || className.startsWith("org.springframework.cglib.")
                || className.startsWith("org.springframework.jdbc.") || className.startsWith("org.springframework.orm.")
                || className.startsWith("org.springframework.transaction.") || className.contains("$$")
                || isDriver(className);
    }

    private static boolean isDriver(String className) {
        return className.startsWith("org.h2.") || className.startsWith("org.postgresql.")
                || className.startsWith("org.mariadb.") || className.startsWith("com.mysql.")
                || className.startsWith("oracle.") || className.startsWith("com.microsoft.");
    }

    /** One stack walk: the application's frames, and when there is none, what ran the statement. */
    record Captured(List<CallSite> frames, String context) {
    }

    /** The call site of the statement being recorded: the stack walked at most once, when a scope first asks. */
    static final class Sample {

        private Captured captured;

        /** The frames a finding shows for a scope with {@code settings}. */
        List<CallSite> stack(QueryBudgetSettings settings) {
            return resolve(captured(settings).frames(), settings);
        }

        /** When {@link #stack} is empty: what ran the statement instead, or {@code null}. */
        String context(QueryBudgetSettings settings) {
            return captured(settings).context();
        }

        private Captured captured(QueryBudgetSettings settings) {
            if (captured == null) {
                captured = capture(settings.applicationPackages());
            }
            return captured;
        }
    }

    /** The frames a finding shows, call site first, after the settings' own filters; empty when none is left. */
    static List<CallSite> resolve(List<CallSite> candidates, QueryBudgetSettings settings) {
        List<CallSite> kept = new ArrayList<>(candidates.size());
        List<String> application = settings.applicationPackages();
        for (CallSite frame : candidates) {
            boolean named = startsWithAny(frame.className(), application);
            if (named || !startsWithAny(frame.className(), settings.ignoredFramePrefixes())
                    && !isLibrary(frame.className(), frame.methodName())) {
                kept.add(frame);
            }
        }
        int from = 0;
        if (!application.isEmpty()) {
            for (int k = 0; k < kept.size(); k++) {
                if (startsWithAny(kept.get(k).className(), application)) {
                    from = k;
                    break;
                }
            }
        }
        return List.copyOf(kept.subList(from, Math.min(kept.size(), from + STACK_FRAMES)));
    }

    static boolean isLibrary(String className, String methodName) {
        if (className.equals(QueryRecorder.class.getName()) || className.equals(QueryScope.class.getName())
                || className.equals(QUERYBUDGET + ".QueryRecorder") || className.equals(QUERYBUDGET + ".QueryScope")
                || methodName.startsWith("$$_hibernate_") || className.contains("$HibernateProxy")
                || className.contains("$$") || className.contains("$ByteBuddy$")) {
            return true;
        }
        for (String prefix : LIBRARY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code className} falls under one of {@code names}: a package or a class matched at a boundary
     * ({@code com.example.dao} covers {@code com.example.dao.OrderDao}, {@code com.example.Helper} covers
     * {@code com.example.Helper$Inner} but not {@code com.example.HelperTests}); a name ending in {@code .} or
     * {@code $} is a plain prefix.
     */
    public static boolean startsWithAny(String className, List<String> names) {
        for (String name : names) {
            if (className.startsWith(name) && (className.length() == name.length() || name.endsWith(".")
                    || name.endsWith("$") || className.charAt(name.length()) == '.'
                    || className.charAt(name.length()) == '$')) {
                return true;
            }
        }
        return false;
    }
}
