package dev.querybudget.internal.hibernate;

import dev.querybudget.depot.Depots;
import dev.querybudget.flashsale.Database;
import dev.querybudget.internal.FailOpen;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HibernateMappingsTests {

    private static final String TAGS = "select t1_0.depot_id, t1_1.id, t1_1.name from depot_tag t1_0"
            + " join tag t1_1 on t1_1.id = t1_0.tag_id where t1_0.depot_id = ?";

    @Test
    void aClosedSessionFactoryIsForgotten() {
        Depots depots = Depots.seed(Database.H2, 1, Map.of());
        assertThat(HibernateMappings.associationFor(TAGS, null)).extracting(Association::label).isEqualTo("Depot.tags");

        depots.close();

        assertThat(HibernateMappings.associationFor(TAGS, null)).isNull();
    }

    @Test
    void atMostTheLastFewSessionFactoriesAreKept() {
        List<Depots> open = new ArrayList<>();
        try {
            for (int i = 0; i < HibernateMappings.KEPT + 2; i++) {
                open.add(Depots.seed(Database.H2, 1, Map.of()));
            }
            assertThat(HibernateMappings.registeredCount()).isEqualTo(HibernateMappings.KEPT);
            // registering one again replaces its entry
            SessionFactory last = open.get(open.size() - 1).sessionFactory();
            HibernateMappings.register(last);
            assertThat(HibernateMappings.registeredCount()).isEqualTo(HibernateMappings.KEPT);
        } finally {
            open.forEach(Depots::close);
        }
    }

    @Test
    void whatIsNoSessionFactoryIsReportedOnceAndChangesNothing() {
        long failures = FailOpen.failureCount();
        int registered = HibernateMappings.registeredCount();

        HibernateMappings.register("not a session factory");

        assertThat(FailOpen.failureCount()).isEqualTo(failures + 1);
        assertThat(HibernateMappings.registeredCount()).isEqualTo(registered);
        assertThat(HibernateMappings.associationFor(TAGS, null)).isNull();
        assertThat(HibernateMappings.associationFor("not sql at all ((", "")).isNull();
    }

    @Test
    void withoutHibernateOnTheClassPathNothingLoadsAHibernateClass() throws Exception {
        URL coreClasses = HibernateMappings.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutHibernate = new URLClassLoader(new URL[] {coreClasses},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> mappings = withoutHibernate.loadClass(HibernateMappings.class.getName());
            assertThat(mappings.getClassLoader()).isSameAs(withoutHibernate);

            mappings.getMethod("register", Object.class).invoke(null, new Object());
            Object association = mappings.getMethod("associationFor", String.class, String.class)
                    .invoke(null, TAGS, null);

            assertThat(association).isNull();
        }
    }
}
