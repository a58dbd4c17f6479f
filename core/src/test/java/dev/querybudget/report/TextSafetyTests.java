package dev.querybudget.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the human log escapes, character by character, and what it leaves alone. */
class TextSafetyTests {

    @Test
    void lineBreaksAndTabsBecomeEscapes() {
        assertThat(TextSafety.printable("a\nb\rc\td\u0085e\u2028f\u2029g"))
                .isEqualTo("a\\nb\\rc\\td\\u0085e\\u2028f\\u2029g");
    }

    @Test
    void controlCharactersAnsiSequencesAndDeleteBecomeEscapes() {
        assertThat(TextSafety.printable("\u001B[2J\u001B[31mred\u0000\u0007\u007F\u009B"))
                .isEqualTo("\\u001B[2J\\u001B[31mred\\u0000\\u0007\\u007F\\u009B");
    }

    @Test
    void bidiEmbeddingsOverridesAndIsolatesBecomeEscapes() {
        assertThat(TextSafety.printable("\u202A\u202B\u202C\u202D\u202Eabc\u2066\u2067\u2068\u2069"))
                .isEqualTo("\\u202A\\u202B\\u202C\\u202D\\u202Eabc\\u2066\\u2067\\u2068\\u2069");
    }

    @Test
    void unpairedSurrogatesBecomeEscapesAndPairsStay() {
        assertThat(TextSafety.printable("\uD83D\uDE00 \uD800x \uDFFF")).isEqualTo("\uD83D\uDE00 \\uD800x \\uDFFF");
    }

    @Test
    void ordinaryTextIncludingNonAsciiAndBackslashesIsReturnedAsItIs() {
        String text = "select \"Ünïcödé\" from t where a = ? -- C:\\ 日本 é\u00A0";
        assertThat(TextSafety.printable(text)).isSameAs(text);
    }
}
