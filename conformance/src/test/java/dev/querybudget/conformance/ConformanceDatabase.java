package dev.querybudget.conformance;

import java.util.Arrays;
import java.util.List;

/**
 * The databases the conformance application runs on: H2 always, and PostgreSQL and MariaDB in the
 * {@code real-databases} profile ({@code -Dquerybudget.databases=h2,postgresql,mariadb}), each in a schema or
 * database of its own named {@code conformance}.
 */
record ConformanceDatabase(String name, String url, String user) {

    static List<ConformanceDatabase> selected() {
        return Arrays.stream(System.getProperty("querybudget.databases", "h2").split(",")).map(String::trim)
                .map(ConformanceDatabase::named).toList();
    }

    private static ConformanceDatabase named(String name) {
        return switch (name) {
            case "h2" -> new ConformanceDatabase(name, "jdbc:h2:mem:conformance;DB_CLOSE_DELAY=-1", "sa");
            case "postgresql" -> new ConformanceDatabase(name, System.getProperty("querybudget.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=conformance",
                    System.getProperty("querybudget.postgresql.user", "postgres"));
            case "mariadb" -> new ConformanceDatabase(name, System.getProperty("querybudget.mariadb.url",
                    "jdbc:mariadb://127.0.0.1:3306/test").replaceAll("/[^/?]*$", "/conformance")
                    + "?createDatabaseIfNotExist=true", System.getProperty("querybudget.mariadb.user", "root"));
            default -> throw new IllegalArgumentException("querybudget.databases names '" + name
                    + "', accepted: h2, postgresql, mariadb");
        };
    }
}
