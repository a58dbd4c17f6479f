package dev.querybudget.internal.shape;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Shaping takes any string without throwing, and a shape is its own shape. */
class ShapePropertyTests {

    @Property(tries = 3000)
    void neverThrowsAndIsIdempotentOnArbitraryStrings(@ForAll String input) {
        String shape = ShapeLexer.shape(input).shape().sql();

        assertThat(ShapeLexer.shape(shape).shape().sql()).isEqualTo(shape);
    }

    @Property(tries = 3000)
    void neverThrowsAndIsIdempotentOnSqlLikeStrings(@ForAll("sqlish") String input) {
        String shape = ShapeLexer.shape(input).shape().sql();

        assertThat(ShapeLexer.shape(shape).shape().sql()).isEqualTo(shape);
    }

    @Property(tries = 500)
    void literalsNeverSurviveShaping(@ForAll("secrets") String secret) {
        String sql = "select * from users where email = '" + secret.replace("'", "''") + "' and id = 7";

        assertThat(ShapeLexer.shape(sql).shape().sql()).isEqualTo("select * from users where email = ? and id = ?");
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "select", "SELECT", " ", "\n", "*", "from", "t", "o1_0", ".", ",", "(", ")", "in", "IN", "values",
                "VALUES", "?", "$1", ":name", "::", "'", "''", "'abc'", "\"", "\"Q\"", "`", "$$", "$tag$", "--", "/*",
                "*/", "\\", "1", "-1", "+", "-", "1.5e3", ".5", "0x1F", "e'", "N'", "U&'", "_utf8'", "true", "null",
                ";", "=", "<>", ">=", "any", "limit", "offset", "order", "by", "with", "next", "value", "for", "#",
                "@", "{", "}", "[", "]", "\t", "é", "\u0130", "\uD83D\uDE00");
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
    }
}
