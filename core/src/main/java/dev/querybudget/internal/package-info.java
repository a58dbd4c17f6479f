/**
 * QueryBudget's implementation. Nothing in {@code dev.querybudget.internal} or its sub-packages is
 * API: it may change in any release. Fronts (agent, JUnit extension, Spring starter) use it only
 * through the types in {@code dev.querybudget}.
 */
package dev.querybudget.internal;
