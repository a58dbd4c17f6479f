package dev.querybudget.junit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of the README is compiled test code, imports included, character for character: the regions a
 * test source tags {@code // tag::readme-<name>[]} … {@code // end::readme-<name>[]} (Micrometer's habit), joined in
 * order, each without its common indentation. Snippets live where their dependencies are: core's in core's test
 * sources, the JUnit extension's here.
 */
class ReadmeSnippetTests {

    private static final Path README = Path.of("../README.md");
    private static final List<Path> TEST_SOURCES = List.of(Path.of("../core/src/test/java"), Path.of("src/test/java"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::(readme-[\\w-]+)\\[\\]$");

    @Test
    void everyJavaBlockOfTheReadmeIsATaggedRegionOfACompiledTest() {
        Map<String, String> snippets = snippets();
        List<String> blocks = javaBlocks();

        assertThat(blocks).isNotEmpty();
        for (String block : blocks) {
            assertThat(snippets.values()).as("README's Java block has no tagged region in a test source that matches"
                    + " it character for character (new, or drifted from its source):%n%s", block).contains(block);
        }
    }

    @Test
    void everyTaggedRegionIsInTheReadme() {
        List<String> blocks = javaBlocks();

        assertThat(snippets()).isNotEmpty().allSatisfy((tag, snippet) -> assertThat(blocks)
                .as("the README shows the code tagged %s", tag).contains(snippet));
    }

    private static List<String> javaBlocks() {
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(read(README));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Every tag's regions, joined, by tag name. */
    private static Map<String, String> snippets() {
        Map<String, String> snippets = new LinkedHashMap<>();
        for (Path root : TEST_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path source : files.filter(file -> file.toString().endsWith(".java")).sorted().toList()) {
                    regions(source).forEach((tag, lines) -> {
                        if (snippets.put(tag, String.join("\n", lines)) != null) {
                            throw new IllegalStateException("tag " + tag + " is in more than one test source");
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return snippets;
    }

    /** One source's tagged lines by tag, each region without its common indentation. */
    private static Map<String, List<String>> regions(Path source) {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (String line : read(source).split("\n", -1)) {
            Matcher tag = TAG.matcher(line);
            if (tag.matches() && tag.group(1).equals("tag")) {
                open.put(tag.group(2), new ArrayList<>());
            } else if (tag.matches()) {
                List<String> region = open.remove(tag.group(2));
                if (region == null) {
                    throw new IllegalStateException(source + ": end::" + tag.group(2) + "[] without its tag");
                }
                regions.computeIfAbsent(tag.group(2), name -> new ArrayList<>()).addAll(withoutIndent(region));
            } else {
                open.values().forEach(region -> region.add(line));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(source + ": tag::" + open.keySet() + "[] never ends");
        }
        return regions;
    }

    private static List<String> withoutIndent(List<String> region) {
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return region.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
