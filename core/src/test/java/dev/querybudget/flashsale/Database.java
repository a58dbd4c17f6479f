package dev.querybudget.flashsale;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the detection suites run on: H2 always; PostgreSQL and MariaDB when the {@code real-databases} profile
 * names them in {@code querybudget.databases}. Each {@link #isolated()} call gives a database of its own (a fresh H2,
 * a fresh PostgreSQL schema, a fresh MariaDB database), dropped on {@link Isolated#close()}.
 *
 * <p>Servers, users and passwords are properties: {@code querybudget.postgresql.url}, {@code .user},
 * {@code .password}, and the same for {@code mariadb}. A named server that cannot be reached fails the run, never
 * skips it.
 */
public enum Database {

    H2(""),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/test");

    private static final AtomicInteger ISOLATED = new AtomicInteger();
    private final String defaultUrl;

    Database(String defaultUrl) {
        this.defaultUrl = defaultUrl;
    }

    /** The databases {@code querybudget.databases} names (comma-separated; {@code h2} by default). */
    public static List<Database> selected() {
        return Arrays.stream(System.getProperty("querybudget.databases", "h2").split(","))
                .map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> Database.valueOf(name.toUpperCase(Locale.ROOT))).toList();
    }

    String property(String key, String otherwise) {
        return System.getProperty("querybudget." + name().toLowerCase(Locale.ROOT) + "." + key, otherwise);
    }

    public String url() {
        return property("url", defaultUrl);
    }

    public String user() {
        return property("user", this == MARIADB ? "root" : "postgres");
    }

    public String password() {
        return property("password", "");
    }

    /** A database of its own for one fixture. */
    public Isolated isolated() {
        String name = "qb" + ProcessHandle.current().pid() + "_" + ISOLATED.incrementAndGet();
        try {
            return switch (this) {
                case H2 -> new Isolated(this, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null);
                case POSTGRESQL -> {
                    execute("create schema " + name);
                    yield new Isolated(this, url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + name,
                            "drop schema " + name + " cascade");
                }
                case MARIADB -> {
                    execute("create database " + name);
                    yield new Isolated(this, url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"),
                            "drop database " + name);
                }
            };
        } catch (SQLException unreachable) {
            throw new IllegalStateException(this + " at " + url() + " (user " + user() + ") is unreachable: "
                    + unreachable.getMessage() + ". The real-databases suite fails rather than skips; set"
                    + " querybudget." + name().toLowerCase(Locale.ROOT) + ".url/.user/.password to your server.",
                    unreachable);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** One fixture's database: its JDBC URL, a plain vendor DataSource for it, and its clean-up. */
    public record Isolated(Database database, String url, String dropSql) implements AutoCloseable {

        /** A plain DataSource from the vendor's driver (unwrapped). */
        public DataSource dataSource() {
            return dataSource("");
        }

        /** The same with driver settings appended to the URL ({@code reWriteBatchedInserts=true}); not for H2. */
        public DataSource dataSource(String driverSettings) {
            String url = driverSettings.isEmpty() || database == Database.H2 ? this.url
                    : this.url + (this.url.contains("?") ? "&" : "?") + driverSettings;
            return switch (database) {
                case H2 -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL(url);
                    yield h2;
                }
                case POSTGRESQL -> {
                    org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
                    pg.setURL(url);
                    pg.setUser(database.user());
                    pg.setPassword(database.password());
                    yield pg;
                }
                case MARIADB -> {
                    try {
                        org.mariadb.jdbc.MariaDbDataSource maria = new org.mariadb.jdbc.MariaDbDataSource(url);
                        maria.setUser(database.user());
                        maria.setPassword(database.password());
                        yield maria;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        @Override
        public void close() {
            if (dropSql == null) {
                return;
            }
            try {
                database.execute(dropSql);
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + url, e);
            }
        }
    }
}
