package dev.querybudget.report;

import dev.querybudget.CallSite;
import dev.querybudget.Finding;
import dev.querybudget.ShapeCount;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings for machines: one JSON object on one line, ready for a JSON Lines file. Fields: {@code kind},
 * {@code scope}, {@code sql} (the shape), {@code statementType}, {@code count}, {@code distinctParameterSets},
 * {@code totalTimeMillis}, {@code callSite}, {@code stack} (array of frames), {@code precedingSql},
 * {@code hint}; a budget finding adds {@code limit}, {@code allowed} and {@code topShapes}; opted-in bind values
 * come as {@code parameters}. Fronts may add fields of their own ({@code timestamp}, {@code route}, …).
 *
 * @since 0.1.0
 */
public final class JsonRenderer {

    private JsonRenderer() {
    }

    public static String render(Finding finding) {
        return render(finding, Map.of());
    }

    /** The finding with {@code extra} fields first (string values), in the map's iteration order. */
    public static String render(Finding finding, Map<String, String> extra) {
        StringBuilder json = new StringBuilder(512).append('{');
        extra.forEach((key, value) -> field(json, key).append(string(value)));
        field(json, "kind").append(string(finding.kind().name()));
        field(json, "scope").append(string(finding.scope()));
        field(json, "sql").append(string(finding.sql()));
        field(json, "statementType").append(string(finding.shape() == null ? null : finding.shape().type().name()));
        field(json, "count").append(finding.count());
        field(json, "distinctParameterSets").append(finding.distinctParameterSets());
        field(json, "totalTimeMillis").append(String.format(Locale.ROOT, "%.3f", finding.totalMillis()));
        field(json, "callSite").append(string(finding.callSite() == null ? null : finding.callSite().toString()));
        field(json, "stack").append('[');
        List<CallSite> stack = finding.stack();
        for (int k = 0; k < stack.size(); k++) {
            json.append(k == 0 ? "" : ",").append(string(stack.get(k).toString()));
        }
        json.append(']');
        field(json, "precedingSql").append(string(finding.precedingShape() == null ? null
                : finding.precedingShape().sql()));
        field(json, "hint").append(string(finding.hint()));
        if (finding.budgetLimit() != null) {
            field(json, "limit").append(string(finding.budgetLimit()));
            field(json, "allowed").append(finding.budgetAllowed());
            field(json, "topShapes").append('[');
            List<ShapeCount> top = finding.topShapes();
            for (int k = 0; k < top.size(); k++) {
                json.append(k == 0 ? "{" : ",{");
                field(json, "sql").append(string(top.get(k).shape().sql()));
                field(json, "count").append(top.get(k).count()).append('}');
            }
            json.append(']');
        }
        if (!finding.parameterSamples().isEmpty()) {
            field(json, "parameters").append('[');
            for (int k = 0; k < finding.parameterSamples().size(); k++) {
                json.append(k == 0 ? "" : ",").append(string(finding.parameterSamples().get(k)));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name) {
        char last = json.charAt(json.length() - 1);
        if (last != '{') {
            json.append(',');
        }
        return json.append(string(name)).append(':');
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
