package dev.querybudget;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the modules' main sources promise about the published types, read from the sources of every module. */
class PublishedTypesTests {

    private static final List<String> MODULES = List.of("core", "agent", "junit-extension", "spring-autoconfigure");
    private static final List<String> FRONTS = List.of("agent", "junit-extension", "spring-autoconfigure");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|sealed|non-sealed|abstract)\\s+)*(?:class|interface|record|enum|@interface)"
                    + "\\s+(\\w+)", Pattern.MULTILINE);

    @Test
    void noTwoPublicTypesShareASimpleName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (String module : MODULES) {
            for (Path source : mainSources(module)) {
                Matcher type = PUBLIC_TYPE.matcher(read(source));
                while (type.find()) {
                    byName.computeIfAbsent(type.group(1), name -> new ArrayList<>()).add(module + ": " + source.getFileName());
                }
            }
        }

        assertThat(byName).as("the scan reads every module").containsKeys("QueryRecorder", "QueryBudget",
                "AgentBridge", "QueryBudgetEndpoint");
        assertThat(byName).allSatisfy((name, declaredIn) -> assertThat(declaredIn).as(name).hasSize(1));
    }

    @Test
    void theFrontsUseOnlyThePublishedPackages() {
        List<String> reachingIn = new ArrayList<>();
        for (String front : FRONTS) {
            for (Path source : mainSources(front)) {
                if (read(source).contains("dev.querybudget.internal")) {
                    reachingIn.add(front + ": " + source.getFileName());
                }
            }
        }

        assertThat(reachingIn).isEmpty();
    }

    private static List<Path> mainSources(String module) {
        Path root = Path.of("..", module, "src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
