package dev.querybudget.internal.shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of {@code shape-corpus.txt}: every input, its expected shape and list length. */
class ShapeCorpusTests {

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shapesTheInput(String input, String expected, int listLength) {
        ShapedSql shaped = ShapeLexer.shape(input);

        assertThat(shaped.shape().sql()).isEqualTo(expected);
        assertThat(shaped.listLength()).as("list length").isEqualTo(listLength);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("corpus")
    void aShapeIsItsOwnShape(String input, String expected, int listLength) {
        assertThat(ShapeLexer.shape(expected).shape().sql()).isEqualTo(expected);
    }

    static List<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ShapeCorpusTests.class.getResourceAsStream("/shape-corpus.txt")),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                int arrow = line.indexOf("  ==>  ");
                if (line.startsWith("#") || arrow < 0) {
                    continue;
                }
                String input = line.substring(0, arrow).replace("\\n", "\n").replace("\\t", "\t");
                String rest = line.substring(arrow + 7);
                int bars = rest.indexOf("  || ");
                String expected = bars < 0 ? rest : rest.substring(0, bars);
                int listLength = bars < 0 ? 0 : Integer.parseInt(rest.substring(bars + 5).trim());
                cases.add(Arguments.of(input, expected, listLength));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        return cases;
    }
}
