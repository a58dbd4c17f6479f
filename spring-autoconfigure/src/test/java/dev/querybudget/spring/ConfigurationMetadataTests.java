package dev.querybudget.spring;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.ScopeKind;
import dev.querybudget.settings.Setting;
import dev.querybudget.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDE completion: the starter's {@code META-INF/spring-configuration-metadata.json} is generated from core's table
 * of settings, so every {@code querybudget.*} property is there with its type, default, one-sentence description and
 * accepted values. {@code -Dquerybudget.metadata.update=true} rewrites the file after the table changed.
 */
class ConfigurationMetadataTests {

    private static final Path FILE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    @Test
    void theMetadataIsTheTableOfSettings() throws Exception {
        String generated = metadata();
        if (Boolean.getBoolean("querybudget.metadata.update")) {
            Files.writeString(FILE, generated);
        }
        assertThat(Files.readString(FILE)).as("%s is generated from Settings: rewrite it with"
                + " -Dquerybudget.metadata.update=true", FILE).isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJarCarriesEveryPropertyWithADescriptionAndItsDefault() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> metadata = JsonParserFactory.getJsonParser().parseMap(json);
        List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");

        assertThat(properties).extracting(property -> property.get("name")).containsExactly(
                "querybudget.enabled", "querybudget.threshold", "querybudget.max-queries",
                "querybudget.include-parameters", "querybudget.application-packages", "querybudget.skip-frames",
                "querybudget.ignore-shapes", "querybudget.ignore-call-sites", "querybudget.ignore-urls", "querybudget.json",
                "querybudget.mode", "querybudget.excluded-data-sources", "querybudget.response-header.enabled",
                "querybudget.response-header.name");
        assertThat(properties).allSatisfy(property -> assertThat((String) property.get("description"))
                .as((String) property.get("name")).isNotBlank().endsWith("."));
        assertThat(properties).filteredOn(property -> property.get("name").equals("querybudget.threshold"))
                .singleElement().satisfies(property -> {
                    assertThat(property.get("defaultValue")).isEqualTo(5);
                    assertThat(property.get("type")).isEqualTo("java.lang.Integer");
                });
        assertThat((List<Map<String, Object>>) metadata.get("hints"))
                .filteredOn(hint -> hint.get("name").equals("querybudget.mode")).singleElement()
                .satisfies(hint -> assertThat((List<Map<String, Object>>) hint.get("values"))
                        .extracting(value -> value.get("value")).containsExactly("log", "warn", "throw"));
    }

    private static String metadata() {
        List<Setting<?>> settings = Settings.of(Front.SPRING_BOOT);
        String properties = settings.stream().map(ConfigurationMetadataTests::property)
                .collect(Collectors.joining(",\n"));
        String hints = settings.stream().filter(setting -> !setting.choices().isEmpty())
                .map(setting -> "    {\n      \"name\": " + quote(setting.propertyName()) + ",\n      \"values\": [\n"
                        + setting.choices().stream().map(word -> "        {\n          \"value\": " + quote(word)
                                + "\n        }").collect(Collectors.joining(",\n")) + "\n      ]\n    }")
                .collect(Collectors.joining(",\n"));
        return "{\n  \"groups\": [\n    {\n      \"name\": \"querybudget\",\n      \"description\": "
                + quote("QueryBudget's settings: the same table as the agent's and the JUnit extension's.")
                + "\n    }\n  ],\n  \"properties\": [\n" + properties + "\n  ],\n  \"hints\": [\n" + hints
                + "\n  ]\n}\n";
    }

    private static String property(Setting<?> setting) {
        Object value = setting.defaultValue(ScopeKind.REQUEST);
        String type = setting.valueType() == List.class ? "java.util.List<java.lang.String>"
                : setting.valueType().getName();
        String defaultValue = value == null ? ""
                : ",\n      \"defaultValue\": " + (value instanceof List<?> list
                ? "[" + list.stream().map(item -> quote(item.toString())).collect(Collectors.joining(", ")) + "]"
                : value instanceof String text ? quote(text) : value.toString());
        return "    {\n      \"name\": " + quote(setting.propertyName()) + ",\n      \"type\": " + quote(type)
                + ",\n      \"description\": " + quote(setting.description()) + defaultValue + "\n    }";
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
