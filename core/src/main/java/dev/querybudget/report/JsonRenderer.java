package dev.querybudget.report;

import dev.querybudget.BudgetFinding;
import dev.querybudget.CallSite;
import dev.querybudget.CallSiteCount;
import dev.querybudget.Finding;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings for machines: one JSON object on one line, ready for a JSON Lines file. Every finding has {@code kind},
 * {@code fingerprint} (its stable identity) and {@code scope}. A {@link ShapeFinding} goes on with {@code sql} (the
 * shape), {@code statementType}, {@code count}, {@code distinctParameterSets}, {@code totalTimeMillis}, {@code callSite} (absent when unknown), {@code stack} (array
 * of frames), {@code context} (what ran it when no application frame did; absent otherwise), {@code callSites}
 * (array of {@code {callSite, count, distinctParameterSets}}, most first, adding up to {@code count}),
 * {@code precedingSql}, {@code precedingCallSite} and {@code precedingRows} (absent when unknown), {@code association} (the ORM association
 * loaded one by one, absent when unknown), {@code certainty} (N+1 only: {@code confirmed} or {@code likely}),
 * {@code hint}, and, opted in, the bind values as {@code parameters}. A {@link BudgetFinding} goes on with
 * {@code count}, {@code hint}, {@code limit}, {@code allowed}, {@code topShapes} (array of {@code {sql, count,
 * callSite}}) and {@code onceOnly}. No field is ever {@code null}: a field a finding does not have is absent.
 * Fronts may add fields of their own ({@code timestamp}, {@code route}, …), which come first.
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
        field(json, "fingerprint").append(string(finding.fingerprint()));
        field(json, "scope").append(string(finding.scope()));
        if (finding instanceof ShapeFinding shape) {
            shapeFields(json, shape);
        } else if (finding instanceof BudgetFinding budget) {
            budgetFields(json, budget);
        }
        return json.append('}').toString();
    }

    private static void shapeFields(StringBuilder json, ShapeFinding finding) {
        field(json, "sql").append(string(finding.sql()));
        field(json, "statementType").append(string(finding.shape().type().name()));
        field(json, "count").append(finding.count());
        field(json, "distinctParameterSets").append(finding.distinctParameterSets());
        field(json, "totalTimeMillis").append(String.format(Locale.ROOT, "%.3f", finding.totalMillis()));
        if (finding.callSite() != null) {
            field(json, "callSite").append(string(finding.callSite().toString()));
        }
        field(json, "stack").append('[');
        List<CallSite> stack = finding.stack();
        for (int k = 0; k < stack.size(); k++) {
            json.append(k == 0 ? "" : ",").append(string(stack.get(k).toString()));
        }
        json.append(']');
        if (finding.context() != null) {
            field(json, "context").append(string(finding.context()));
        }
        field(json, "callSites").append('[');
        List<CallSiteCount> sites = finding.callSites();
        for (int k = 0; k < sites.size(); k++) {
            json.append(k == 0 ? "{" : ",{");
            if (sites.get(k).callSite() != null) {
                field(json, "callSite").append(string(sites.get(k).callSite().toString()));
            }
            field(json, "count").append(sites.get(k).count());
            field(json, "distinctParameterSets").append(sites.get(k).distinctParameterSets()).append('}');
        }
        json.append(']');
        if (finding.precedingShape() != null) {
            field(json, "precedingSql").append(string(finding.precedingShape().sql()));
        }
        if (finding.precedingCallSite() != null) {
            field(json, "precedingCallSite").append(string(finding.precedingCallSite().toString()));
        }
        if (finding.precedingRows() >= 0) {
            field(json, "precedingRows").append(finding.precedingRows());
        }
        if (finding.association() != null) {
            field(json, "association").append(string(finding.association()));
        }
        if (finding.certainty() != null) {
            field(json, "certainty").append(string(finding.certainty().label()));
        }
        field(json, "hint").append(string(finding.hint()));
        if (!finding.parameterSamples().isEmpty()) {
            field(json, "parameters").append('[');
            for (int k = 0; k < finding.parameterSamples().size(); k++) {
                json.append(k == 0 ? "" : ",").append(string(finding.parameterSamples().get(k)));
            }
            json.append(']');
        }
    }

    private static void budgetFields(StringBuilder json, BudgetFinding finding) {
        field(json, "count").append(finding.count());
        field(json, "hint").append(string(finding.hint()));
        field(json, "limit").append(string(finding.limit().key()));
        field(json, "allowed").append(finding.allowed());
        field(json, "topShapes").append('[');
        List<ShapeCount> top = finding.topShapes();
        for (int k = 0; k < top.size(); k++) {
            json.append(k == 0 ? "{" : ",{");
            field(json, "sql").append(string(top.get(k).shape().sql()));
            field(json, "count").append(top.get(k).count());
            if (top.get(k).callSite() != null) {
                field(json, "callSite").append(string(top.get(k).callSite().toString()));
            }
            json.append('}');
        }
        json.append(']');
        field(json, "onceOnly").append(finding.onceOnly());
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
                    } else if (isUnpairedSurrogate(value, k)) {
                        quoted.append("\\ufffd"); // no UTF-8 for it: the replacement character, so the line stays valid
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isUnpairedSurrogate(String value, int k) {
        char c = value.charAt(k);
        if (Character.isHighSurrogate(c)) {
            return k + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(k + 1));
        }
        return Character.isLowSurrogate(c) && (k == 0 || !Character.isHighSurrogate(value.charAt(k - 1)));
    }
}
