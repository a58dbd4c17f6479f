package dev.querybudget.agent;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent jar is self-contained: every class its own or relocated under its package, nothing else. */
class AgentJarIT {

    @Test
    void holdsNoUnrelocatedThirdPartyClassAndNamesItsEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            List<String> classes = Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class")).toList();

            assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("dev/querybudget/agent/"));
            assertThat(classes).anyMatch(name -> name.startsWith("dev/querybudget/agent/shaded/bytebuddy/"))
                    .anyMatch(name -> name.startsWith("dev/querybudget/agent/shaded/core/internal/"))
                    .noneMatch(name -> name.contains("AgentHandover"))
                    .noneMatch(name -> name.contains("QueryBudgetIntegrator"));
            assertThat(jar.getEntry("META-INF/services/org.hibernate.integrator.spi.Integrator"))
                    .as("core's Hibernate Integrator, which the agent replaces by instrumenting the SessionFactory")
                    .isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
                    .isEqualTo("dev.querybudget.agent.QueryBudgetAgent");
            assertThat(jar.getManifest().getMainAttributes().getValue("Agent-Class"))
                    .isEqualTo("dev.querybudget.agent.QueryBudgetAgent");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.querybudget.agent.QueryBudgetAgent");
        }
    }
}
