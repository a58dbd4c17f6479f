package dev.querybudget.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.querybudget.Budget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryRecorder;
import dev.querybudget.ScopeReport;
import dev.querybudget.ThreadMode;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.Settings;
import dev.querybudget.sink.ScopeSink;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every property and condition of the auto-configuration, present and absent, in real application contexts. */
class QueryBudgetAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(BootClasses.of(BootClasses.DATA_SOURCE))
            .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(QueryBudgetAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1",
                    "spring.datasource.hikari.maximum-pool-size=3");

    @Test
    void wrapsTheDataSourceBeanAndKeepsTheRealPoolReachable() {
        runner.run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(DataSourceWrapper.isWrapped(dataSource)).isTrue();
            assertThat(dataSource).as("the bean keeps its type").isInstanceOf(HikariDataSource.class);
            assertThat(context.getBean(HikariDataSource.class).getMaximumPoolSize())
                    .as("properties bound to the real pool").isEqualTo(3);
            assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(3);
            try (var connection = dataSource.getConnection()) {
                assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
            }
            assertThat(countStatements(context.getBean(DataSource.class), 2).counts().select()).isEqualTo(2);
        });
    }

    @Test
    void enabledFalseSwitchesEverythingOff() {
        runner.withPropertyValues("querybudget.enabled=false").run(context -> {
            assertThat(DataSourceWrapper.isWrapped(context.getBean(DataSource.class))).isFalse();
            assertThat(context).doesNotHaveBean(ResolvedSettings.class).doesNotHaveBean(ScopeSink.class);
        });
    }

    @Test
    void excludedDataSourcesStayUnwrapped() {
        runner.withPropertyValues("querybudget.excluded-data-sources=dataSource")
                .run(context -> assertThat(DataSourceWrapper.isWrapped(context.getBean(DataSource.class))).isFalse());
    }

    @Test
    void settingsHaveTheRequestDefaultsAndTakeEveryPropertyOfTheTable() {
        runner.run(context -> {
            ResolvedSettings settings = context.getBean(ResolvedSettings.class);
            assertThat(settings.scopeSettings()).isEqualTo(QueryBudgetSettings.forRequests());
            assertThat(settings.get(Settings.MODE)).isEqualTo("log");
            assertThat(settings.get(Settings.IGNORE_URLS)).containsExactly("/actuator/*");
            assertThat(settings.get(Settings.RESPONSE_HEADER_ENABLED)).isFalse();
            assertThat(settings.get(Settings.RESPONSE_HEADER_NAME)).isEqualTo("X-Query-Count");
        });
        runner.withPropertyValues("querybudget.threshold=3", "querybudget.max-queries=20", "querybudget.mode=throw",
                "querybudget.include-parameters=true", "querybudget.ignore-shapes=nextval",
                "querybudget.ignore-urls=/health,/admin/*", "querybudget.ignore-call-sites=com.example.legacy",
                "querybudget.application-packages=com.example", "querybudget.skip-frames=com.example.Dao",
                "querybudget.response-header.enabled=true", "querybudget.response-header.name=X-Statements")
                .run(context -> {
                    ResolvedSettings settings = context.getBean(ResolvedSettings.class);
                    assertThat(settings.scopeSettings()).isEqualTo(new QueryBudgetSettings(3, Budget.total(20),
                            ThreadMode.SCOPE_THREAD, true, List.of("com.example"), List.of("com.example.Dao"),
                            List.of("com.example.legacy"), List.of("nextval")));
                    assertThat(settings.get(Settings.MODE)).isEqualTo("throw");
                    assertThat(settings.get(Settings.IGNORE_URLS)).as("added to the default")
                            .containsExactly("/actuator/*", "/health", "/admin/*");
                    assertThat(settings.get(Settings.RESPONSE_HEADER_ENABLED)).isTrue();
                    assertThat(settings.get(Settings.RESPONSE_HEADER_NAME)).isEqualTo("X-Statements");
                });
    }

    @Test
    void listsBindInEverySpringFormAndRelaxedNames() {
        runner.withPropertyValues("querybudget.ignore-urls[0]=/health", "querybudget.ignore-urls[1]=/admin/*",
                        "querybudget.maxQueries=12")
                .run(context -> {
                    ResolvedSettings settings = context.getBean(ResolvedSettings.class);
                    assertThat(settings.get(Settings.IGNORE_URLS)).containsExactly("/actuator/*", "/health",
                            "/admin/*");
                    assertThat(settings.get(Settings.MAX_QUERIES)).isEqualTo(12);
                });
    }

    @Test
    void theRequestFilterIsRegisteredInServletWebApplicationsOnly() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
        new WebApplicationContextRunner()
                .withConfiguration(BootClasses.of(BootClasses.DATA_SOURCE))
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        QueryBudgetAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    FilterRegistrationBean<?> filter = context.getBean(FilterRegistrationBean.class);
                    assertThat(filter.getOrder()).isEqualTo(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
                    assertThat(filter.determineDispatcherTypes()).as("the error page and async dispatches are the"
                            + " request's: the lifecycle folds them in").containsExactlyInAnyOrder(
                            jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ASYNC,
                            jakarta.servlet.DispatcherType.ERROR);
                });
    }

    @Test
    void micrometerAndActuatorAreOptional() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, Endpoint.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RequestMetrics.class)
                    .doesNotHaveBean(QueryBudgetEndpoint.class).doesNotHaveBean(FindingHistory.class)
                    .hasSingleBean(LogSink.class);
            assertThat(DataSourceWrapper.isWrapped(context.getBean(DataSource.class))).isTrue();
        });
        runner.run(context -> assertThat(context).hasSingleBean(RequestMetrics.class)
                .hasSingleBean(QueryBudgetEndpoint.class).hasSingleBean(FindingHistory.class));
    }

    @Test
    void hikariPoolMetricsStillReadTheRealPool() {
        runner.withConfiguration(BootClasses.of(BootClasses.METRICS, BootClasses.SIMPLE_REGISTRY,
                BootClasses.COMPOSITE_REGISTRY, BootClasses.POOL_METRICS)).run(context -> {
                    countStatements(context.getBean(DataSource.class), 1);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                            .contains("hikaricp.connections.max");
                    assertThat(registry.find("jdbc.connections.max").gauge()).isNotNull();
                });
    }

    @Test
    void aLazyConnectionProxyInFrontOfAPoolCountsEachStatementOnce() {
        runner.withUserConfiguration(LazyProxyConfiguration.class).run(context -> {
            DataSource lazy = context.getBean("lazyDataSource", DataSource.class);
            assertThat(DataSourceWrapper.isWrapped(lazy)).isTrue();
            ScopeReport report = countStatements(lazy, 3);
            assertThat(report.counts().select()).isEqualTo(3);
            assertThat(report.dataSources()).containsExactly(Map.entry("lazyDataSource", 3L));
        });
    }

    @Test
    void aRoutingDataSourceInFrontOfAPoolCountsEachStatementOnce() {
        runner.withUserConfiguration(RoutingConfiguration.class).run(context -> {
            ScopeReport report = countStatements(context.getBean("routingDataSource", DataSource.class), 4);
            assertThat(report.counts().select()).isEqualTo(4);
        });
    }

    private static ScopeReport countStatements(DataSource dataSource, int statements) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return QueryRecorder.record("statements", () -> {
            for (int i = 0; i < statements; i++) {
                jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?", Long.class,
                        "T" + i);
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class LazyProxyConfiguration {
        @Bean
        HikariDataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:h2:mem:lazy;DB_CLOSE_DELAY=-1");
            return pool;
        }

        @Bean
        LazyConnectionDataSourceProxy lazyDataSource(HikariDataSource dataSource) {
            return new LazyConnectionDataSourceProxy(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RoutingConfiguration {
        @Bean
        HikariDataSource dataSource() {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl("jdbc:h2:mem:routing;DB_CLOSE_DELAY=-1");
            return pool;
        }

        @Bean
        AbstractRoutingDataSource routingDataSource(HikariDataSource dataSource) {
            AbstractRoutingDataSource routing = new AbstractRoutingDataSource() {
                @Override
                protected Object determineCurrentLookupKey() {
                    return "primary";
                }
            };
            routing.setTargetDataSources(Map.of("primary", dataSource));
            routing.afterPropertiesSet();
            return routing;
        }
    }
}
