package dev.querybudget.agent;

import com.example.idle.IdleApp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar querybudget-agent.jar <pid>} when it cannot attach: the real jar, each failure one line on standard
 * error saying what to do, a non-zero exit code, nothing on standard output and no stack trace.
 */
class AttachCommandIT {

    private static final String INSTEAD = "start the application with -javaagent:querybudget-agent.jar instead";

    @Test
    void aPidThatIsNoNumber() throws Exception {
        Result result = attach(List.of(), "my-app");

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.stderr).isEqualTo("QueryBudget agent: 'my-app' is not a process id; list the running JVMs"
                + " with 'jcmd -l' and pass the number of yours\n");
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void noSuchProcess() throws Exception {
        Result result = attach(List.of(), "99999999"); // above Linux's largest pid (2^22)

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("QueryBudget agent: no process with id 99999999 is running; list the"
                + " running JVMs with 'jcmd -l' and pass the id of yours\n");
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void aProcessThatIsNoJvmIsLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Result result = attach(List.of(), Long.toString(sleep.pid()));

            assertThat(result.exit).isEqualTo(1);
            assertThat(result.stderr).isEqualTo("QueryBudget agent: process " + sleep.pid() + " is not a Java virtual"
                    + " machine that this user can attach to; pass the id of a JVM from 'jcmd -l', run as the user"
                    + " that started it, or " + INSTEAD + "\n");
            assertThat(result.stdout).isEmpty();
            assertThat(sleep.isAlive()).as("not signalled").isTrue();
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void aJvmThatRefusesTheAttach() throws Exception {
        try (ForkedJvm app = ForkedJvm.start(List.of("-XX:+DisableAttachMechanism"), null, IdleApp.class.getName(),
                "idle app ready", false)) {
            app.awaitReady();

            Result result = attach(List.of(), Long.toString(app.pid()));

            assertThat(result.exit).isEqualTo(1);
            assertThat(result.stderr).isEqualTo("QueryBudget agent: the JVM with process id " + app.pid()
                    + " refused the attach (The VM does not support the attach mechanism); run this command as the"
                    + " user that started it with the same java, make sure it runs without"
                    + " -XX:+DisableAttachMechanism, or " + INSTEAD + "\n");
            assertThat(result.stdout).isEmpty();
        }
    }

    @Test
    void aJavaRuntimeWithoutTheAttachModule() throws Exception {
        Result result = attach(List.of("--limit-modules", "java.base,java.instrument,java.management"),
                Long.toString(ProcessHandle.current().pid()));

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.stderr).isEqualTo("QueryBudget agent: this Java runtime (" + javaHome() + ") has no attach"
                + " module (jdk.attach); run this command with a JDK's java, or " + INSTEAD + "\n");
        assertThat(result.stdout).isEmpty();
    }

    private static String javaHome() {
        return Path.of(ForkedJvm.JAVA).getParent().getParent().toString();
    }

    private static Result attach(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ForkedJvm.AGENT_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the attach command ended").isTrue();
        return new Result(process.exitValue(), stdout, new String(stderr.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
