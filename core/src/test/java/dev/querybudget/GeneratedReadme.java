package dev.querybudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A region of README generated from the code (the settings table, the meters table), between two markers:
 * {@code <!-- name:start (generated from <source>; <test> checks it) -->} and {@code <!-- name:end -->}. The check fails
 * when the README drifts; {@code -Dquerybudget.readme.update=true} rewrites the region first.
 */
public final class GeneratedReadme {

    private static final Path README = Path.of("../README.md");

    private GeneratedReadme() {
    }

    /**
     * @param name    the markers' name ({@code settings})
     * @param source  what the region is generated from ({@code dev.querybudget.settings.Settings})
     * @param test    the test class that checks it
     * @param content the region's content as the code generates it
     */
    public static void assertShows(String name, String source, Class<?> test, String content) {
        String start = "<!-- " + name + ":start (generated from " + source + "; " + test.getSimpleName()
                + " checks it) -->\n";
        String end = "<!-- " + name + ":end -->";
        String expected = start + content + end;
        try {
            String readme = Files.readString(README);
            if (Boolean.getBoolean("querybudget.readme.update")) {
                readme = readme.substring(0, readme.indexOf(start)) + expected
                        + readme.substring(readme.indexOf(end) + end.length());
                Files.writeString(README, readme);
            }
            int at = readme.indexOf(start);
            assertThat(at).as("README marks the %s table", name).isNotNegative();
            assertThat(readme.substring(at, readme.indexOf(end) + end.length())).as("README's %s table is generated"
                    + " from %s: rewrite it with -Dquerybudget.readme.update=true", name, source).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
