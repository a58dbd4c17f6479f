package dev.querybudget.internal.shape;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The property runner's promises: same seed, same inputs; a failure names what replays it. */
class PropertyCheckTests {

    @Test
    void theSameSeedMakesTheSameInputsInTheSameOrder() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();

        PropertyCheck.strings("collects", HostileSql::tokenSoup).check(42L, 200, first::add);
        PropertyCheck.strings("collects", HostileSql::tokenSoup).check(42L, 200, second::add);

        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(200);
        assertThat(first.stream().distinct().count()).isGreaterThan(190);
    }

    @Test
    void aPassingRunSaysHowManyInputsRanAndItsSeed() {
        String line = PropertyCheck.strings("anything goes", HostileSql::anyText).check(7L, 1_500, input -> { });

        assertThat(line).isEqualTo(
                "Property 'anything goes': 1,500 inputs passed, seed 7 (replay with -Dquerybudget.property.seed=7)");
    }

    @Test
    void aFailureNamesTheSeedTheInputNumberAndTheInputEscaped() {
        PropertyCheck<String> check = PropertyCheck.strings("no dollar", random -> random.nextInt(10) == 3
                ? "a'b\\c\n\uD800$" : "plain");

        assertThatThrownBy(() -> check.check(-5L, 1_000, input -> assertThat(input).doesNotContain("$")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Property 'no dollar' failed on input #"
                        + firstFailing(-5L) + " of seed -5 (replay with -Dquerybudget.property.seed=-5): "
                        + "\"a'b\\\\c\\n\\uD800$\"" + System.lineSeparator());
    }

    @Test
    void aSeedPropertyReplaysItsRun() {
        String before = System.getProperty(PropertyCheck.SEED_PROPERTY);
        try {
            System.setProperty(PropertyCheck.SEED_PROPERTY, " 123456789 ");
            assertThat(PropertyCheck.seed()).isEqualTo(123_456_789L);
        } finally {
            if (before == null) {
                System.clearProperty(PropertyCheck.SEED_PROPERTY);
            } else {
                System.setProperty(PropertyCheck.SEED_PROPERTY, before);
            }
        }
    }

    private static int firstFailing(long seed) {
        List<Integer> draws = new ArrayList<>();
        PropertyCheck.of("draws", random -> random.nextInt(10), String::valueOf).check(seed, 1_000, draws::add);
        return draws.indexOf(3);
    }
}
