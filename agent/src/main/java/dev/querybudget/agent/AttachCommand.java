package dev.querybudget.agent;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar querybudget-agent.jar <pid> [options]}: loads this jar into a running JVM through the JDK's attach
 * API ({@code jdk.attach}, read reflectively: a JRE may not have it). Every way it can fail prints one line saying
 * what to do, and a non-zero exit code; never a stack trace.
 */
final class AttachCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String PREFIX = "QueryBudget agent: ";
    private static final String INSTEAD = "start the application with -javaagent:querybudget-agent.jar instead";

    private final PrintStream out;
    private final PrintStream err;

    AttachCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns its exit code. */
    int run(String[] args, String jar) {
        if (args.length < 1 || args.length > 2) {
            return fail(USAGE, "usage: java -jar querybudget-agent.jar <pid> [key=value,key=value]");
        }
        String pid = args[0].trim();
        if (!pid.matches("[0-9]{1,18}")) {
            return fail(USAGE, PREFIX + "'" + args[0] + "' is not a process id; list the running JVMs with"
                    + " 'jcmd -l' and pass the number of yours");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
        if (process.isEmpty() || !process.get().isAlive()) {
            return fail(FAILED, PREFIX + "no process with id " + pid + " is running; list the running JVMs with"
                    + " 'jcmd -l' and pass the id of yours");
        }
        Class<?> virtualMachine;
        try {
            virtualMachine = Class.forName("com.sun.tools.attach.VirtualMachine");
        } catch (ClassNotFoundException | LinkageError noAttachModule) {
            return fail(FAILED, PREFIX + "this Java runtime (" + System.getProperty("java.home") + ") has no attach"
                    + " module (jdk.attach); run this command with a JDK's java, or " + INSTEAD);
        }
        try {
            if (!isJvm(virtualMachine, pid, process.get())) {
                return fail(FAILED, PREFIX + "process " + pid + " is not a Java virtual machine that this user can"
                        + " attach to; pass the id of a JVM from 'jcmd -l', run as the user that started it, or "
                        + INSTEAD);
            }
            load(virtualMachine, pid, jar, args.length == 2 ? args[1] : "");
        } catch (InvocationTargetException failure) {
            return fail(FAILED, refusal(pid, failure.getCause()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            return fail(FAILED, refusal(pid, failure));
        }
        out.println("QueryBudget agent attached to " + pid);
        return OK;
    }

    /**
     * Whether {@code pid} is a JVM to attach to: one the attach API lists, or one run by a {@code java} launcher
     * (a JVM started without performance data is not listed). Anything else is left alone, as attaching signals
     * the process, which ends a process that is no JVM.
     */
    private static boolean isJvm(Class<?> virtualMachine, String pid, ProcessHandle process)
            throws ReflectiveOperationException {
        for (Object descriptor : (List<?>) virtualMachine.getMethod("list").invoke(null)) {
            if (pid.equals(descriptor.getClass().getMethod("id").invoke(descriptor))) {
                return true;
            }
        }
        String command = process.info().command().orElse("");
        String name = command.substring(command.lastIndexOf(File.separatorChar) + 1);
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    private static void load(Class<?> virtualMachine, String pid, String jar, String options)
            throws ReflectiveOperationException {
        Object vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
        try {
            Method loadAgent = virtualMachine.getMethod("loadAgent", String.class, String.class);
            loadAgent.invoke(vm, jar, options);
        } finally {
            virtualMachine.getMethod("detach").invoke(vm);
        }
    }

    private static String refusal(String pid, Throwable cause) {
        String kind = cause == null ? "" : cause.getClass().getSimpleName();
        String reason = cause == null || cause.getMessage() == null ? kind : cause.getMessage().trim();
        if (kind.equals("AgentLoadException") || kind.equals("AgentInitializationException")) {
            return PREFIX + "the JVM with process id " + pid + " could not load the agent (" + reason
                    + "); see its standard error, or " + INSTEAD;
        }
        return PREFIX + "the JVM with process id " + pid + " refused the attach (" + reason + "); run this command"
                + " as the user that started it with the same java, make sure it runs without"
                + " -XX:+DisableAttachMechanism, or " + INSTEAD;
    }

    private int fail(int code, String line) {
        err.println(line.replace('\n', ' '));
        return code;
    }
}
