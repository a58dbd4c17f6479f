package dev.querybudget.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** IDE completion: every {@code querybudget.*} property is in the generated metadata with a one-sentence description. */
class ConfigurationMetadataTests {

    @Test
    @SuppressWarnings("unchecked")
    void everyPropertyHasADescriptionAndItsDefault() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, Object>> properties = (List<Map<String, Object>>) JsonParserFactory.getJsonParser()
                .parseMap(json).get("properties");
        List<Map<String, Object>> ours = properties.stream()
                .filter(property -> ((String) property.get("name")).startsWith("querybudget.")).toList();

        assertThat(ours).extracting(property -> property.get("name")).containsExactlyInAnyOrder(
                "querybudget.enabled", "querybudget.threshold", "querybudget.max-queries", "querybudget.mode",
                "querybudget.include-parameters", "querybudget.excluded-data-sources",
                "querybudget.application-packages", "querybudget.ignore.shapes", "querybudget.ignore.urls",
                "querybudget.ignore.call-sites", "querybudget.response-header.enabled",
                "querybudget.response-header.name");
        assertThat(ours).allSatisfy(property -> assertThat((String) property.get("description"))
                .as((String) property.get("name")).isNotBlank().endsWith("."));
        assertThat(ours).filteredOn(property -> property.get("name").equals("querybudget.threshold"))
                .singleElement().satisfies(property -> assertThat(property.get("defaultValue")).isEqualTo(5));
    }
}
