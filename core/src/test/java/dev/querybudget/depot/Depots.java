package dev.querybudget.depot;

import dev.querybudget.QueryRecorder;
import dev.querybudget.flashsale.Database;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.util.Map;

/**
 * Depots, shipments and their carriers on real Hibernate ORM and a real database (H2, PostgreSQL or MariaDB), through
 * a DataSource QueryBudget wraps: {@code count} carriers, each with one depot (two tags, two labels) and one shipment.
 * Two to-one associations target {@code Carrier}: {@code Depot.carrier} (lazy) and {@code Shipment.carrier} (EAGER).
 * And {@code count} warehouses, each with a permit: {@code Warehouse.permit} is the inverse side of a one-to-one.
 */
public final class Depots implements AutoCloseable {

    private final SessionFactory sessionFactory;
    private final Database.Isolated database;

    private Depots(SessionFactory sessionFactory, Database.Isolated database) {
        this.sessionFactory = sessionFactory;
        this.database = database;
    }

    public static Depots seed(Database on, int count, Map<String, Object> settings) {
        return seed(on.isolated(), count, settings);
    }

    private static Depots seed(Database.Isolated database, int count, Map<String, Object> settings) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Country.class).addAnnotatedClass(Carrier.class).addAnnotatedClass(Tag.class)
                .addAnnotatedClass(Depot.class).addAnnotatedClass(Shipment.class)
                .addAnnotatedClass(Warehouse.class).addAnnotatedClass(Permit.class);
        configuration.getProperties().put("hibernate.connection.datasource", QueryRecorder.wrap(database.dataSource()));
        configuration.getProperties().put("hibernate.hbm2ddl.auto", "create-drop");
        configuration.getProperties().putAll(settings);
        Depots depots = new Depots(configuration.buildSessionFactory(), database);
        depots.insert(count);
        return depots;
    }

    /**
     * The same with every table qualified in the SQL Hibernate generates: the fixture's own schema (H2's
     * {@code PUBLIC}, the PostgreSQL schema) or, on MariaDB, its database as the catalog.
     */
    public static Depots seedQualified(Database on, int count) {
        Database.Isolated database = on.isolated();
        Map<String, Object> settings = switch (on) {
            case H2 -> Map.of("hibernate.default_schema", "PUBLIC");
            case POSTGRESQL -> Map.of("hibernate.default_schema", database.url().replaceFirst(".*currentSchema=", ""));
            case MARIADB -> Map.of("hibernate.default_catalog", database.url().replaceFirst(".*/([^/?]+).*", "$1"));
        };
        return seed(database, count, settings);
    }

    private void insert(int count) {
        sessionFactory.inTransaction(session -> {
            Country country = new Country(1L, "Iceland");
            session.persist(country);
            Tag cold = new Tag(1L, "cold");
            Tag bulk = new Tag(2L, "bulk");
            session.persist(cold);
            session.persist(bulk);
            for (long i = 1; i <= count; i++) {
                Carrier carrier = new Carrier(i, "carrier " + i, country);
                session.persist(carrier);
                Depot depot = new Depot(i, carrier);
                depot.getTags().add(cold);
                depot.getTags().add(bulk);
                depot.getLabels().add("north " + i);
                depot.getLabels().add("south " + i);
                session.persist(depot);
                session.persist(new Shipment(i, carrier));
                Warehouse warehouse = new Warehouse(i);
                session.persist(warehouse);
                session.persist(new Permit(i, warehouse));
            }
        });
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
        database.close();
    }
}
