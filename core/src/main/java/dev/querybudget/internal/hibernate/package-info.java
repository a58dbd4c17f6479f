/**
 * Hibernate ORM attribution: which entity association an N+1 that Hibernate issued was loading. The metamodel of each
 * SessionFactory is read reflectively (no Hibernate type is needed to call {@link
 * dev.querybudget.internal.hibernate.HibernateMappings}) and reduced to plain strings; statement shapes are then matched
 * against it. Only {@code QueryBudgetIntegrator} refers to Hibernate types, and only Hibernate loads it.
 */
package dev.querybudget.internal.hibernate;
