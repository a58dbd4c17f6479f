package dev.querybudget.internal.scope;

import dev.querybudget.spi.HandoverProtocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * This copy's end of the {@link HandoverProtocol}: as the agent's engine, the application engines it hands its
 * statements down to; as the application's engine, once linked, the agent's engine it hands its wrappers' statements
 * up to and whose per-thread timing its wrappers share. Without an agent it holds this copy's own timing only.
 */
final class EngineLink {

    /** Per thread: {@link HandoverProtocol#TIMING_SLOTS}. A JDK type, so a pooled thread's entry pins no class. */
    private final ThreadLocal<long[]> ownTiming = ThreadLocal.withInitial(() -> new long[HandoverProtocol.TIMING_SLOTS]);
    private volatile Downstream[] downstream = new Downstream[0];
    private volatile Upstream upstream;

    /** The agent's engine, once this copy has handed over to it; else {@code null}. */
    Upstream upstream() {
        return upstream;
    }

    /** The per-thread statement timing this copy's wrappers use: the agent's once linked, so wrappers nest as one. */
    ThreadLocal<long[]> timing() {
        Upstream up = upstream;
        return up == null ? ownTiming : up.timing();
    }

    /** Links this copy, the application's, to the agent's engine: {@code agent} holds its protocol entries. */
    @SuppressWarnings("unchecked")
    void linkUpstream(Map<String, Object> agent) {
        upstream = new Upstream((BiConsumer<String, long[]>) agent.get(HandoverProtocol.STATEMENTS),
                (ThreadLocal<long[]>) agent.get(HandoverProtocol.TIMING),
                (BooleanSupplier) agent.get(HandoverProtocol.IDLE));
    }

    /**
     * Adds an application engine (its protocol entries) that this copy, the agent's, hands statements down to, and
     * returns this copy's entries for it.
     */
    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> linkDownstream(Map<String, Object> application,
                                                    BiConsumer<String, long[]> relay, BooleanSupplier idle) {
        Downstream[] grown = Arrays.copyOf(downstream, downstream.length + 1);
        grown[downstream.length] = new Downstream((BiConsumer<String, long[]>) application.get(HandoverProtocol.STATEMENTS),
                (BooleanSupplier) application.get(HandoverProtocol.LISTENING));
        downstream = grown;
        return Map.of(HandoverProtocol.STATEMENTS, relay, HandoverProtocol.TIMING, ownTiming,
                HandoverProtocol.IDLE, idle);
    }

    /** Whether an application engine downstream has a scope open. */
    boolean downstreamListening() {
        for (Downstream engine : downstream) {
            if (engine.listening().getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** Hands a statement down to every application engine that has a scope open. */
    void handDown(String sql, long parameterHash, int batchRows, int listLength, long nanos, boolean failed,
                  int dialect) {
        long[] facts = null;
        for (Downstream engine : downstream) {
            if (engine.listening().getAsBoolean()) {
                if (facts == null) {
                    facts = HandoverProtocol.statement(parameterHash, batchRows, listLength, nanos, failed, dialect);
                }
                engine.statements().accept(sql, facts);
            }
        }
    }

    /** Hands a statement down to every application engine that has a scope open, in the protocol's slots. */
    void handDown(String sql, long[] facts) {
        for (Downstream engine : downstream) {
            if (engine.listening().getAsBoolean()) {
                engine.statements().accept(sql, facts);
            }
        }
    }

    /** An application engine that receives this one's statements while it is {@code listening}. */
    private record Downstream(BiConsumer<String, long[]> statements, BooleanSupplier listening) {
    }

    /** The agent's engine: it records what this copy's wrappers hand up, times them, and says when all is idle. */
    record Upstream(BiConsumer<String, long[]> statements, ThreadLocal<long[]> timing, BooleanSupplier idle) {
    }
}
