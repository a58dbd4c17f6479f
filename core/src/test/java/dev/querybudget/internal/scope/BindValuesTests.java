package dev.querybudget.internal.scope;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bound values stay bounded whatever the application passes; nothing here can be driven to an unbounded size. */
class BindValuesTests {

    @Test
    void aPositionBeyondTheLimitIsAcceptedAndNotKept() {
        BindValues values = new BindValues();
        values.set(1, 42);
        long withOne = values.hash("select ?");

        values.set(Integer.MAX_VALUE, "x");
        values.set(BindValues.MAX_POSITION + 1, "y");

        assertThat(values.hash("select ?")).isEqualTo(withOne);
        assertThat(values.render()).isEqualTo("[1=42]");
    }

    @Test
    void theHighestPositionAnyDatabaseAcceptsIsKept() {
        BindValues values = new BindValues();
        values.set(BindValues.MAX_POSITION, "last");

        assertThat(values.render()).isEqualTo("[65535='last']");
    }

    @Test
    void namesBeyondTheLimitAreAcceptedAndNotKept() {
        BindValues values = new BindValues();
        for (int k = 0; k < BindValues.MAX_NAMES; k++) {
            values.set("p" + k, k);
        }
        long full = values.hash("call f()");

        values.set("one more", 1);
        values.set("p0", 7);

        assertThat(values.hash("call f()")).isNotEqualTo(full).as("a kept name still takes a new value");
        values.set("p0", 0);
        assertThat(values.hash("call f()")).isEqualTo(full);
    }

    @Test
    void aSelfContainingArrayHashesAndRenders() {
        Object[] loop = new Object[2];
        loop[0] = "a";
        loop[1] = loop;
        BindValues values = new BindValues();
        values.set(1, loop);

        assertThat(values.hash("select ?")).isNotZero();
        assertThat(values.render()).isEqualTo("[1=[a, [...]]]");
    }

    @Test
    void aHugeValueRendersCutShortAndAHugeArrayByItsFirstElements() {
        BindValues values = new BindValues();
        values.set(1, new StringBuilder("x".repeat(10_000_000)));
        values.set(2, new Integer[1_000_000]);

        assertThat(values.render()).isEqualTo("[1='" + "x".repeat(100) + "…', 2=[null, null, null, null, null, null,"
                + " null, null, null, null, …]]");
    }

    @Test
    void aSampleListsAtMostAHundredValues() {
        BindValues values = new BindValues();
        for (int k = 1; k <= 1_000; k++) {
            values.set(k, k);
        }

        assertThat(values.render()).endsWith(", 99=99, 100=100, …]");
    }
}
