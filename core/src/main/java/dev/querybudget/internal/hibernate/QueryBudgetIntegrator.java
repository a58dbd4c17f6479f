package dev.querybudget.internal.hibernate;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Registers every SessionFactory's mappings with {@link HibernateMappings}, without the agent: Hibernate finds it
 * through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}, so it is the only class of core that
 * refers to Hibernate types, and only Hibernate loads it. The agent's jar leaves it out (it instruments the
 * SessionFactory instead).
 *
 * <p>Hibernate calls integrators before it builds the runtime metamodel, so this one adds an observer and reads the
 * metamodel when the factory is created. {@code integrate(Metadata, BootstrapContext, SessionFactoryImplementor)} is
 * the form both Hibernate 6.6 and 7 call; {@code disintegrate} is abstract in 6.6 and a default in 7.
 */
public final class QueryBudgetIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        try {
            sessionFactory.addObserver(new Observer());
        } catch (RuntimeException | LinkageError failure) {
            dev.querybudget.internal.FailOpen.report("observing a Hibernate SessionFactory", failure);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        HibernateMappings.forget(sessionFactory);
    }

    /** Reads the mappings once the factory is built. */
    private static final class Observer implements SessionFactoryObserver {

        private static final long serialVersionUID = 1L;

        @Override
        public void sessionFactoryCreated(SessionFactory factory) {
            HibernateMappings.register(factory);
        }

        @Override
        public void sessionFactoryClosed(SessionFactory factory) {
            HibernateMappings.forget(factory);
        }
    }
}
