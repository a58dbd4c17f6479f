package dev.querybudget.spring;

import dev.querybudget.QueryRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerMapping;

import javax.sql.DataSource;

/**
 * QueryBudget for Spring Boot 4.0 and 3.5 from one jar: DataSource beans wrapped, a scope per request, metrics and
 * an actuator endpoint. Ordered after the DataSource auto-configuration of either line by name, as Boot 4 moved it
 * to another package and module.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass({DataSource.class, QueryRecorder.class})
@ConditionalOnProperty(prefix = "querybudget", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(QueryBudgetProperties.class)
public final class QueryBudgetAutoConfiguration {

    @Bean
    static DataSourceWrapper queryBudgetDataSourceWrapper(ObjectProvider<QueryBudgetProperties> properties) {
        return new DataSourceWrapper(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestReporter queryBudgetRequestReporter(QueryBudgetProperties properties,
                                               ObjectProvider<RequestReporter.ReportListener> listeners) {
        return new RequestReporter(properties, listeners.orderedStream().toList());
    }

    /** The request scope, in servlet web applications with Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Filter.class, FilterRegistrationBean.class, HandlerMapping.class})
    static final class RequestScopeConfiguration {

        @Bean
        FilterRegistrationBean<RequestScopeFilter> queryBudgetRequestScopeFilter(QueryBudgetProperties properties,
                                                                                  RequestReporter reporter) {
            FilterRegistrationBean<RequestScopeFilter> registration =
                    new FilterRegistrationBean<>(new RequestScopeFilter(properties, reporter));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setName("queryBudgetRequestScopeFilter");
            return registration;
        }
    }

    /** Micrometer meters, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static final class MetricsConfiguration {

        @Bean
        RequestMetrics queryBudgetRequestMetrics(ObjectProvider<MeterRegistry> registries) {
            return new RequestMetrics(registries);
        }
    }

    /** The actuator endpoint, when the application has Actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static final class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        QueryBudgetEndpoint queryBudgetEndpoint(RequestReporter reporter) {
            return new QueryBudgetEndpoint(reporter);
        }
    }
}
