package com.example.shop;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;

/**
 * Starts the starter's {@link ShopApplication} (Spring Boot, the starter, plain JDBC) in a JVM of its own for the
 * tests that put the agent beside the starter, and prints what they read: whether the DataSource bean is behind the
 * starter's proxy, and the port. {@code GET /customers/{customerId}/orders} runs an N+1 of 13 statements.
 */
public final class ShopLauncher {

    private ShopLauncher() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, args);
        DataSource dataSource = context.getBean(DataSource.class);
        System.out.println("data source bean " + AopUtils.getTargetClass(dataSource).getName()
                + (AopUtils.isAopProxy(dataSource) ? " behind a proxy" : ", no proxy"));
        System.out.println("shop app listening on " + context.getEnvironment().getProperty("local.server.port"));
    }
}
