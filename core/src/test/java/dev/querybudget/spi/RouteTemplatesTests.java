package dev.querybudget.spi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTemplatesTests {

    @ParameterizedTest
    @CsvSource({
            "/owners/42/pets/7, /owners/{id}/pets/{id}",
            "/orders/3f2b8c1e-9a7d-4e21-b0c3-5d6e7f8a9b0c, /orders/{id}",
            "/files/a1b2c3d4e5, /files/{id}",
            "/orders/lazy/1, /orders/lazy/{id}",
            "/health, /health",
            "/v2/catalog, /v2/catalog",
            "/, /",
            "'', /",
    })
    void foldsIdLikeSegments(String path, String route) {
        assertThat(RouteTemplates.fold(path)).isEqualTo(route);
    }

    @org.junit.jupiter.api.Test
    void matchesExactRoutesAndPrefixPatterns() {
        java.util.List<String> patterns = java.util.List.of("/health", "/actuator/*");

        assertThat(RouteTemplates.matchesAny("/health", patterns)).isTrue();
        assertThat(RouteTemplates.matchesAny("/actuator/prometheus", patterns)).isTrue();
        assertThat(RouteTemplates.matchesAny("/healthz", patterns)).isFalse();
        assertThat(RouteTemplates.matchesAny("/orders/{id}", patterns)).isFalse();
    }
}
