/**
 * Internal: the classes the agent puts on the bootstrap class path, where the JDK's executors and threads can call
 * them. JDK types only (no {@code java.sql}, which the bootstrap loader cannot see); never relocated.
 */
package dev.querybudget.agent.bootstrap;
