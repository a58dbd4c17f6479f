package dev.querybudget.meter;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tag values come from bounded sets, whatever the request: Spring's folding of {@code http.server.requests}. */
class TagValuesTests {

    @Test
    void methodsOutsideTheStandardSetAreOther() {
        for (String method : new String[]{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
            assertThat(TagValues.method(method)).isEqualTo(method);
        }
        assertThat(TagValues.method("get")).isEqualTo("OTHER");
        assertThat(TagValues.method("PROPFIND")).isEqualTo("OTHER");
        assertThat(TagValues.method("")).isEqualTo("OTHER");
        assertThat(TagValues.method(null)).isEqualTo("OTHER");
    }

    @Test
    void theUriIsTheRouteTemplateElseAFoldOfTheStatusAndPathNeverThePath() {
        assertThat(TagValues.uri("/orders/{id}", 200, "/orders/7")).isEqualTo("/orders/{id}");
        assertThat(TagValues.uri("/orders/{id}", 404, "/orders/7")).as("a matched route that answers 404")
                .isEqualTo("/orders/{id}");
        assertThat(TagValues.uri("", 200, "/")).isEqualTo("root");
        assertThat(TagValues.uri(null, 302, "/login")).isEqualTo("REDIRECTION");
        assertThat(TagValues.uri(null, 304, "/")).isEqualTo("REDIRECTION");
        assertThat(TagValues.uri(null, 404, "/no/such/page")).isEqualTo("NOT_FOUND");
        assertThat(TagValues.uri(null, 200, "/")).isEqualTo("root");
        assertThat(TagValues.uri(null, 200, "")).isEqualTo("root");
        assertThat(TagValues.uri(null, 200, null)).isEqualTo("root");
        assertThat(TagValues.uri(null, 200, "/orders/7")).isEqualTo("UNKNOWN");
        assertThat(TagValues.uri(null, 500, "/orders/7")).isEqualTo("UNKNOWN");
    }

    @Test
    void theOutcomeIsTheClassOfTheStatus() {
        assertThat(TagValues.outcome(101)).isEqualTo("INFORMATIONAL");
        assertThat(TagValues.outcome(200)).isEqualTo("SUCCESS");
        assertThat(TagValues.outcome(204)).isEqualTo("SUCCESS");
        assertThat(TagValues.outcome(301)).isEqualTo("REDIRECTION");
        assertThat(TagValues.outcome(400)).isEqualTo("CLIENT_ERROR");
        assertThat(TagValues.outcome(404)).isEqualTo("CLIENT_ERROR");
        assertThat(TagValues.outcome(500)).isEqualTo("SERVER_ERROR");
        assertThat(TagValues.outcome(503)).isEqualTo("SERVER_ERROR");
        assertThat(TagValues.outcome(0)).isEqualTo("UNKNOWN");
        assertThat(TagValues.outcome(600)).isEqualTo("UNKNOWN");
    }

    @Test
    void tenThousandRandomRequestsWithoutRouteTemplatesMakeAHandfulOfTagValues() {
        Random random = new Random(13);
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String method = Long.toString(random.nextLong(), 36).toUpperCase(java.util.Locale.ROOT);
            String path = "/" + Long.toString(random.nextLong(), 36) + "/" + random.nextInt();
            int status = 100 + random.nextInt(500);
            values.add(TagValues.method(method) + " " + TagValues.uri(null, status, path) + " "
                    + TagValues.outcome(status));
        }

        assertThat(values).hasSizeLessThanOrEqualTo(1 * 3 * 5);
    }
}
