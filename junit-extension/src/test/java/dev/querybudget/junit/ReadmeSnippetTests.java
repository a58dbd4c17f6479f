package dev.querybudget.junit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** README's JUnit example is the compiled one in {@link FlashSaleTests}, character for character. */
class ReadmeSnippetTests {

    @Test
    void theReadmeShowsTheTaggedCodeOfFlashSaleTests() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/querybudget/junit/FlashSaleTests.java"));
        String tagged = source.substring(source.indexOf("// tag::readme[]\n") + "// tag::readme[]\n".length(),
                source.indexOf("    // end::readme[]"));
        String snippet = Arrays.stream(tagged.split("\n"))
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + snippet + "\n```");
    }
}
