package dev.querybudget.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Puts the {@code dev.querybudget.agent.bootstrap} classes on the bootstrap class path, where advice inlined into the
 * JDK's own classes can see them: copied from the agent jar into a temporary jar of their own (deleted at exit), as
 * OpenTelemetry's and Elastic's agents do. They use JDK types only. This must run before anything loads them.
 */
final class BootstrapJar {

    /** Every class of the bootstrap package, nested ones included. */
    static final List<String> CLASSES = List.of("Carrier", "Carrier$Key", "CarriedRunnable", "CarriedCallable");
    private static final String PACKAGE = String.join("/", "dev", "querybudget", "agent", "bootstrap") + "/";

    private BootstrapJar() {
    }

    static void append(Instrumentation instrumentation) throws IOException {
        Path jar = Files.createTempFile("querybudget-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String entry = PACKAGE + name + ".class";
                try (InputStream in = BootstrapJar.class.getClassLoader().getResourceAsStream(entry)) {
                    if (in == null) {
                        throw new IOException("the agent jar has no " + entry);
                    }
                    out.putNextEntry(new ZipEntry(entry));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
