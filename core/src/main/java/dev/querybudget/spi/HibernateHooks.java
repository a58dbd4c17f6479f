package dev.querybudget.spi;

import dev.querybudget.internal.hibernate.HibernateMappings;

/**
 * For a front that sees Hibernate ORM SessionFactories being built without Hibernate's own extension points (the
 * agent): hands a factory's mappings to the engine, which then names the entity association behind an N+1 that
 * Hibernate issued. Without the agent, core registers every SessionFactory by itself through a Hibernate
 * {@code Integrator}.
 *
 * <p>For QueryBudget's own fronts and integrations; see the {@linkplain dev.querybudget.spi package} for its
 * stability.
 *
 * @since 0.2.0
 */
public final class HibernateHooks {

    private HibernateHooks() {
    }

    /**
     * Reads the mappings of {@code sessionFactory}, an {@code org.hibernate.SessionFactory} whose construction has
     * finished (Hibernate 6.6 or 7), passed as an Object. Keeps no strong reference to it; never throws.
     */
    public static void sessionFactoryBuilt(Object sessionFactory) {
        HibernateMappings.register(sessionFactory);
    }
}
