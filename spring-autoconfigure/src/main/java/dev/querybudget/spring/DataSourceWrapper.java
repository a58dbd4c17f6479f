package dev.querybudget.spring;

import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.Settings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.spi.Failures;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

import javax.sql.DataSource;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.util.List;

/**
 * Wraps every DataSource bean after its initialization — late, so that properties bind to the real pool first —
 * unless it is excluded by name, is a scoped-proxy target, or is already wrapped.
 *
 * <p>The bean keeps its own type: it becomes a class-based proxy of itself (a {@code HikariDataSource} stays a
 * {@code HikariDataSource}, so beans that inject the pool by its class, pool metrics and health all keep working),
 * and only the connections it hands out are wrapped, under the bean's name. A DataSource that delegates to another
 * wrapped one counts each statement once all the same: the engine records only the outermost wrapper a statement
 * passes. With the agent attached at start-up, no bean is wrapped: the agent wraps every connection already. (Attached
 * later, the proxies stay, and hand out the connections as they are: the application's QueryBudget then wraps
 * nothing.)
 */
final class DataSourceWrapper implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

    private final List<String> excluded;
    private ListableBeanFactory beanFactory;

    /** @param excluded {@code querybudget.excluded-data-sources}: names of DataSource beans left alone */
    DataSourceWrapper(List<String> excluded) {
        this.excluded = List.copyOf(excluded);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory instanceof ListableBeanFactory listable ? listable : null;
    }

    /** A name in {@code querybudget.excluded-data-sources} that is no DataSource bean is a mistake: say so. */
    @Override
    public void afterSingletonsInstantiated() {
        if (beanFactory == null || excluded.isEmpty()) {
            return;
        }
        List<String> dataSources = List.of(beanFactory.getBeanNamesForType(DataSource.class, true, false));
        for (String name : excluded) {
            if (!dataSources.contains(name)) {
                throw new InvalidSettingException("property '" + Settings.EXCLUDED_DATA_SOURCES.propertyName() + "'",
                        name, "names of this application's DataSource beans ("
                        + (dataSources.isEmpty() ? "it has none" : String.join(", ", dataSources)) + ")");
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || ScopedProxyUtils.isScopedTarget(beanName)
                || isWrapped(bean) || QueryRecorder.isWrapped(dataSource) || QueryRecorder.isAgentAttached()) {
            return bean;
        }
        if (excluded.contains(beanName)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(dataSource);
        factory.addAdvice(new ConnectionWrapping(beanName));
        boolean subclassable = !Modifier.isFinal(bean.getClass().getModifiers())
                && !java.lang.reflect.Proxy.isProxyClass(bean.getClass());
        factory.setProxyTargetClass(subclassable);
        if (!subclassable) {
            factory.addInterface(DataSource.class);
        }
        try {
            return factory.getProxy(bean.getClass().getClassLoader());
        } catch (AopConfigException notProxyable) {
            ProxyFactory byInterface = new ProxyFactory(dataSource);
            byInterface.addInterface(DataSource.class);
            byInterface.addAdvice(new ConnectionWrapping(beanName));
            return byInterface.getProxy(bean.getClass().getClassLoader());
        }
    }

    static boolean isWrapped(Object bean) {
        if (bean instanceof Advised advised) {
            for (var advisor : advised.getAdvisors()) {
                if (advisor.getAdvice() instanceof ConnectionWrapping) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Wraps the connections {@code getConnection} returns, under the bean's name. */
    static final class ConnectionWrapping implements MethodInterceptor {

        private final String dataSourceName;

        ConnectionWrapping(String dataSourceName) {
            this.dataSourceName = dataSourceName;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Object result = invocation.proceed();
            if (result instanceof Connection connection && invocation.getMethod().getName().equals("getConnection")) {
                try {
                    return QueryRecorder.wrap(dataSourceName, connection);
                } catch (RuntimeException | LinkageError failure) {
                    Failures.report("wrapping a connection of " + dataSourceName, failure);
                    return connection; // the application gets its connection, uncounted
                }
            }
            return result;
        }
    }
}
