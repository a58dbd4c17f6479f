package dev.querybudget.spring;

import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.sink.ScopeSink;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.web.servlet.HandlerMapping;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * QueryBudget for Spring Boot 4.0 and 3.5 from one jar: DataSource beans wrapped, a scope per request, and its
 * outputs as {@link ScopeSink} beans (the log, metrics, the actuator endpoint's history, and any the application
 * declares). Ordered after the DataSource auto-configuration of either line by name, as Boot 4 moved it
 * to another package and module.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass({DataSource.class, QueryRecorder.class})
@Conditional(OnQueryBudgetEnabled.class)
public final class QueryBudgetAutoConfiguration {

    @Bean
    static DataSourceWrapper queryBudgetDataSourceWrapper(Environment environment) {
        return new DataSourceWrapper(SpringSettings.value(environment, Settings.EXCLUDED_DATA_SOURCES));
    }

    /** With the agent attached at start-up: one INFO line on what the starter leaves to it. */
    @Bean
    AgentNotice queryBudgetAgentNotice(Environment environment) {
        return new AgentNotice(environment);
    }

    /** The starter's settings: {@code querybudget.*}, read and checked with core's one table of settings. */
    @Bean
    @ConditionalOnMissingBean(name = "queryBudgetSettings")
    ResolvedSettings queryBudgetSettings(Environment environment) {
        return SpringSettings.read(environment);
    }

    /** Requests with findings on the {@code dev.querybudget} logger, by {@code querybudget.mode}. */
    @Bean
    LogSink queryBudgetLogSink(@Qualifier("queryBudgetSettings") ResolvedSettings settings) {
        return new LogSink(settings.get(Settings.MODE));
    }

    /** Findings as JSON Lines, one line per finding, when {@code querybudget.json} names a file. */
    @Bean
    @Conditional(OnJsonFile.class)
    ScopeSink queryBudgetJsonLinesSink(@Qualifier("queryBudgetSettings") ResolvedSettings settings) {
        return ScopeSink.jsonLines(Path.of(settings.get(Settings.JSON)));
    }

    /**
     * The request scope, in servlet web applications with Spring MVC: on request, async and error dispatches, and
     * published to every {@link ScopeSink} bean — QueryBudget's own and the application's.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Filter.class, FilterRegistrationBean.class, HandlerMapping.class})
    static final class RequestScopeConfiguration {

        @Bean
        FilterRegistrationBean<RequestScopeFilter> queryBudgetRequestScopeFilter(
                @Qualifier("queryBudgetSettings") ResolvedSettings settings, ObjectProvider<ScopeSink> sinks) {
            FilterRegistrationBean<RequestScopeFilter> registration = new FilterRegistrationBean<>(
                    new RequestScopeFilter(settings, ScopeSink.composite(sinks.orderedStream().toList())));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setName("queryBudgetRequestScopeFilter");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            registration.setAsyncSupported(true);
            return registration;
        }
    }

    /** Micrometer meters, when the application has a registry. */
    /**
     * With Micrometer's context-propagation library: the request's scope follows work handed to the application's task
     * executor and {@code @Async} methods (the library finds {@link QueryScopeAccessor} through its service file), by
     * Spring's {@link ContextPropagatingTaskDecorator}, which Spring Boot applies to the executors it builds — unless
     * the application has a task decorator of its own, which then decides.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.context.ContextSnapshotFactory",
            "org.springframework.core.task.support.ContextPropagatingTaskDecorator"})
    static final class ContextPropagationConfiguration {

        @Bean
        @ConditionalOnMissingBean(TaskDecorator.class)
        ContextPropagatingTaskDecorator queryBudgetContextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }
    }

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
        FindingHistory queryBudgetFindingHistory() {
            return new FindingHistory();
        }

        @Bean
        @ConditionalOnMissingBean
        QueryBudgetEndpoint queryBudgetEndpoint(FindingHistory history) {
            return new QueryBudgetEndpoint(history);
        }
    }
}
