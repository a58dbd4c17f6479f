package dev.querybudget.sample;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's fat jar, as {@code package} made it: the agent is attached to it, never packed inside it. */
class PackagedJarIT {

    @Test
    void theFatJarCarriesNoAgentJar() throws Exception {
        try (JarFile jar = new JarFile(Path.of("target", "querybudget-sample-app.jar").toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .contains("BOOT-INF/classes/dev/querybudget/sample/SampleApplication.class")
                    .anySatisfy(name -> assertThat(name).startsWith("BOOT-INF/lib/querybudget-spring-boot-starter-"))
                    .noneSatisfy(name -> assertThat(name).contains("querybudget-agent"));
        }
    }
}
