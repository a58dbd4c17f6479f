package dev.querybudget.internal.shape;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeCacheTests {

    @Test
    void holdsAtMostTwoGenerationsHoweverManyDistinctStatements() {
        ShapeCache cache = new ShapeCache(100);

        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.shape("select * from t where id = " + i).shape().sql())
                    .isEqualTo("select * from t where id = ?");
        }

        assertThat(cache.size()).isLessThanOrEqualTo(200);
    }

    @Test
    void aLongShapeIsCutAtItsBoundAndKeptApartFromOneThatDiffersOnlyPastTheCut() {
        String columns = "c0" + ", c".repeat(200_000);
        String first = "select " + columns + "x from t";
        String second = "select " + columns + "y from t";

        String shape = ShapeCache.shapeUncached(first).shape().sql();

        assertThat(shape).hasSize(Shape.MAX_LENGTH).startsWith("select c0, c, c, c")
                .endsWith(" … [" + first.length() + " characters, #" + Integer.toHexString(
                        ShapeLexer.shape(first, Dialect.GENERIC).shape().sql().hashCode()) + "]");
        assertThat(ShapeCache.shapeUncached(second).shape()).isNotEqualTo(ShapeCache.shapeUncached(first).shape());
    }

    @Test
    void theCacheHoldsABoundedNumberOfCharactersHoweverLongTheStatements() {
        ShapeCache cache = new ShapeCache(2048);
        String padding = " and name <> 'x'".repeat(1_000); // 16,000 characters, as the issue measured

        for (int i = 0; i < 10_000; i++) {
            cache.shape("select c" + i + " from t where id = 1" + padding);
        }

        assertThat(cache.heldChars()).isLessThanOrEqualTo(2 * ShapeCache.MAX_GENERATION_CHARS);
    }

    @Test
    void aRepeatedStatementIsShapedOnceAndServedFromTheCache() {
        ShapeCache cache = new ShapeCache(100);
        String sql = "select name from item where id = ?";

        assertThat(cache.shape(sql)).isSameAs(cache.shape(new String(sql.toCharArray())));
    }

    @Test
    void aHitInTheOldGenerationSurvivesTheNextTurnover() {
        ShapeCache cache = new ShapeCache(10);
        ShapedSql hot = cache.shape("select hot from t");
        for (int i = 0; i < 10; i++) {
            cache.shape("select c" + i + " from t"); // fills the young generation: "hot" moves to the old one
        }
        assertThat(cache.shape("select hot from t")).isSameAs(hot); // promoted back
        for (int i = 10; i < 19; i++) {
            cache.shape("select c" + i + " from t");
        }

        assertThat(cache.shape("select hot from t")).isSameAs(hot);
    }

    @Test
    void hugeAndPathologicalInputsAreShapedWithoutFailing() {
        String deep = "select " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        String longList = "select * from t where id in (" + "?, ".repeat(100_000) + "?)";
        String openComment = "select 1 " + "/*".repeat(100_000);
        String dollars = "select " + "$a$".repeat(50_001);

        assertThat(ShapeCache.shapeSafely(deep).shape().sql()).hasSize(Shape.MAX_LENGTH)
                .endsWith(" … [" + deep.length() + " characters, #"
                        + Integer.toHexString(ShapeLexer.shape(deep, Dialect.GENERIC).shape().sql().hashCode()) + "]");
        assertThat(ShapeCache.shapeSafely(longList).shape().sql()).isEqualTo("select * from t where id in (...)");
        assertThat(ShapeCache.shapeSafely(longList).listLength()).isEqualTo(100_001);
        assertThat(ShapeCache.shapeSafely(openComment).shape().sql()).isEqualTo("select ?");
        assertThat(ShapeCache.shapeSafely(dollars).shape().sql()).startsWith("select ?");
        assertThat(new ShapeCache(10).shape(null).shape().sql()).isEmpty();
    }
}
