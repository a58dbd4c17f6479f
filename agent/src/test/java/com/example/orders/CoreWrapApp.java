package com.example.orders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An application with QueryBudget's core and no front: it wraps its pool with {@code QueryRecorder.wrap}, holds one
 * wrapped connection from start-up on, and runs each request in a scope of its own, whose count it prints.
 * {@code GET /items} looks up five items on the held connection and five on connections it checks out: ten statements,
 * an N+1 at each of the two call sites.
 */
public final class CoreWrapApp {

    private CoreWrapApp() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:corewrap;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(3);
        DataSource counted = QueryRecorder.wrap(new HikariDataSource(config));
        Connection held = counted.getConnection();
        try (Statement statement = held.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(20))");
            statement.execute("insert into item select x, 'item ' || x from system_range(1, 10)");
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("core-wrap-app").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "items", new ItemsServlet(counted, held));
        context.addServletMappingDecoded("/items", "items");
        tomcat.start();
        System.out.println("core wrap app listening on " + tomcat.getConnector().getLocalPort());
        tomcat.getServer().await();
    }

    static final class ItemsServlet extends HttpServlet {

        private final transient DataSource counted;
        private final transient Connection held;

        ItemsServlet(DataSource counted, Connection held) {
            this.counted = counted;
            this.held = held;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ScopeReport report;
            try {
                report = QueryRecorder.record("app scope", () -> {
                    for (int id = 1; id <= 10; id++) {
                        if (id <= 5) {
                            name(held, id);
                        } else {
                            try (Connection connection = counted.getConnection()) {
                                name(connection, id);
                            }
                        }
                    }
                });
            } catch (SQLException e) {
                throw new IOException(e);
            }
            System.out.println("app scope: " + report.counts().total() + " statements");
            response.getWriter().println(report.counts().total());
        }

        private static void name(Connection connection, int id) throws SQLException {
            synchronized (connection) {
                try (PreparedStatement statement = connection.prepareStatement("select name from item where id = ?")) {
                    statement.setInt(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
    }
}
