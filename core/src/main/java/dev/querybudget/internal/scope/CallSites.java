package dev.querybudget.internal.scope;

import dev.querybudget.CallSite;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.QueryScope;
import dev.querybudget.spi.HandoverProtocol;

import java.util.ArrayList;
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
     * Libraries between the application and the database, which are never the call site. Stack-frame names are
     * matched by prefix, so the JDK's proxy packages ({@code com.sun.proxy}, {@code jdk.proxy2}) are covered by
     * {@code com.sun.} and {@code jdk.} on every JDK.
     */
    private static final String[] LIBRARY_PREFIXES = {
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.",
            "dev.querybudget.internal.", QUERYBUDGET + ".internal.", QUERYBUDGET + ".agent.",
            QUERYBUDGET + ".spring.",
            "net.ttddyy.dsproxy.", "net.bytebuddy.",
            "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.", "com.mchange.",
            "org.vibur.", "io.agroal.",
            "org.h2.", "org.postgresql.", "org.mariadb.jdbc.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.",
            "org.hsqldb.", "org.apache.derby.", "org.sqlite.", "com.ibm.db2.",
            "org.hibernate.", "org.springframework.", "org.jooq.", "org.apache.ibatis.", "org.mybatis.",
            "org.eclipse.persistence.", "org.jdbi.", "io.micrometer.", "io.opentelemetry.",
            "org.junit.", "org.assertj.", "org.apache.maven.surefire.", "org.gradle.", "worker.org.gradle.",
            "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.eclipse.jetty.", "io.undertow.",
            "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "org.aspectj.",
    };

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSites() {
    }

    /** The first {@link #CANDIDATE_FRAMES} frames of the current thread that are not library code. */
    public static List<CallSite> capture() {
        return WALKER.walk(frames -> frames
                .filter(frame -> !isLibrary(frame.getClassName(), frame.getMethodName()))
                .limit(CANDIDATE_FRAMES)
                .map(frame -> new CallSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                        frame.getLineNumber()))
                .toList());
    }

    /** The call site of the statement being recorded: the stack walked at most once, when a scope first asks. */
    static final class Sample {

        private List<CallSite> candidates;

        /** The frames a finding shows for a scope with {@code settings}. */
        List<CallSite> stack(QueryBudgetSettings settings) {
            if (candidates == null) {
                candidates = capture();
            }
            return resolve(candidates, settings);
        }
    }

    /** The frames a finding shows, call site first, after the settings' own filters; empty when none is left. */
    static List<CallSite> resolve(List<CallSite> candidates, QueryBudgetSettings settings) {
        List<CallSite> kept = new ArrayList<>(candidates.size());
        for (CallSite frame : candidates) {
            if (!startsWithAny(frame.className(), settings.ignoredFramePrefixes())) {
                kept.add(frame);
            }
        }
        int from = 0;
        if (!settings.applicationPackages().isEmpty()) {
            for (int k = 0; k < kept.size(); k++) {
                if (startsWithAny(kept.get(k).className(), settings.applicationPackages())) {
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
