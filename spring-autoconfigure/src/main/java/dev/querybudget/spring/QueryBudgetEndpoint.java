package dev.querybudget.spring;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code querybudget} actuator endpoint: the recent findings (with the status and outcome of their request, and
 * the class of the exception it ended with) and the shapes run most since start-up. Shapes carry no bind value. Not exposed over HTTP unless the application exposes it
 * ({@code management.endpoints.web.exposure.include=querybudget}).
 *
 * @since 0.1.0
 */
@Endpoint(id = "querybudget")
public class QueryBudgetEndpoint {

    private final FindingHistory history;

    QueryBudgetEndpoint(FindingHistory history) {
        this.history = history;
    }

    @ReadOperation
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("recentFindings", history.recentFindings());
        report.put("topShapes", history.topShapes(20));
        return report;
    }
}
