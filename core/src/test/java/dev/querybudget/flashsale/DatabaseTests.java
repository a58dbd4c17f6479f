package dev.querybudget.flashsale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real-databases suite fails, never skips, when a server it names cannot be reached. */
class DatabaseTests {

    @Test
    void anUnreachableServerFailsWithWhatToSet() {
        String before = System.getProperty("querybudget.postgresql.url");
        System.setProperty("querybudget.postgresql.url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");
        try {
            assertThatThrownBy(Database.POSTGRESQL::isolated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("POSTGRESQL at jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2 (user"
                            + " postgres) is unreachable: ")
                    .hasMessageEndingWith("The real-databases suite fails rather than skips; set"
                            + " querybudget.postgresql.url/.user/.password to your server.");
        } finally {
            if (before == null) {
                System.clearProperty("querybudget.postgresql.url");
            } else {
                System.setProperty("querybudget.postgresql.url", before);
            }
        }
    }
}
