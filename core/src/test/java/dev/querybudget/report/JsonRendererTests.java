package dev.querybudget.report;

import dev.querybudget.FindingKind;
import dev.querybudget.ShapeFinding;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Lines form, field for field. */
class JsonRendererTests {

    @Test
    void anNPlusOneAsOneLineOfJson() {
        assertThat(JsonRenderer.render(ReportFixtures.nPlusOne())).isEqualTo("{\"kind\":\"N_PLUS_ONE\","
                + "\"fingerprint\":\"04ce3ffe5e8e036f\",\"scope\":\"GET /orders\","
                + "\"sql\":\"select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?\","
                + "\"statementType\":\"SELECT\",\"count\":500,\"distinctParameterSets\":500,"
                + "\"totalTimeMillis\":153.250,"
                + "\"callSite\":\"com.example.OrderService.listOrders(OrderService.java:42)\","
                + "\"stack\":[\"com.example.OrderService.listOrders(OrderService.java:42)\","
                + "\"com.example.OrderController.orders(OrderController.java:17)\"],"
                + "\"callSites\":[{\"callSite\":\"com.example.OrderService.listOrders(OrderService.java:42)\","
                + "\"count\":500,\"distinctParameterSets\":500}],"
                + "\"precedingSql\":\"select o1_0.id from orders o1_0 where o1_0.customer_id = ?\","
                + "\"precedingCallSite\":\"com.example.OrderController.orders(OrderController.java:17)\","
                + "\"precedingRows\":500,\"association\":\"PurchaseOrder.items\",\"certainty\":\"confirmed\","
                + "\"hint\":\"load the association with the query before the loop (JOIN FETCH or @EntityGraph), or"
                + " batch the lazy loads (@BatchSize, or hibernate.default_batch_fetch_size)\"}");
    }

    @Test
    void aShapeFindingWithNoCallSiteAndNoStatementBeforeLeavesThoseFieldsOutRatherThanNull() {
        ShapeFinding first = ReportFixtures.nPlusOne();
        ShapeFinding unknown = new ShapeFinding(FindingKind.DUPLICATE, "startup", first.shape(), 2, 1, 1_000_000,
                null, List.of(), null, "run it once", List.of());

        assertThat(JsonRenderer.render(unknown)).isEqualTo("{\"kind\":\"DUPLICATE\",\"fingerprint\":\"8577745179a3b577\","
                + "\"scope\":\"startup\","
                + "\"sql\":\"select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?\","
                + "\"statementType\":\"SELECT\",\"count\":2,\"distinctParameterSets\":1,\"totalTimeMillis\":1.000,"
                + "\"stack\":[],\"callSites\":[{\"count\":2,\"distinctParameterSets\":1}],"
                + "\"hint\":\"run it once\"}");
    }

    @Test
    void aBudgetFindingCarriesItsLimitAndTopShapesAndFrontsAddTheirFieldsFirst() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("timestamp", "2026-11-26T12:00:00Z");
        extra.put("route", "/orders");

        assertThat(JsonRenderer.render(ReportFixtures.budget(), extra)).isEqualTo("{\"timestamp\":\"2026-11-26T12:00:00Z\","
                + "\"route\":\"/orders\",\"kind\":\"QUERY_BUDGET\",\"fingerprint\":\"bc42e04a2e27c12b\","
                + "\"scope\":\"GET /orders\",\"count\":501,"
                + "\"hint\":\"cut the statements the code runs (see the shapes that ran most), or raise the budget if"
                + " the work really needs them\",\"limit\":\"select\",\"allowed\":10,\"topShapes\":["
                + "{\"sql\":\"select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?\",\"count\":500,"
                + "\"callSite\":\"com.example.OrderService.listOrders(OrderService.java:42)\"}],\"onceOnly\":1}");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(JsonRenderer.string("a \"quoted\" \\ path\nnext\u0001")).isEqualTo(
                "\"a \\\"quoted\\\" \\\\ path\\nnext\\u0001\"");
    }
}
