package com.example.orders;

/**
 * {@link OrdersApp} in a JVM whose application, as soon as it starts, meets the agent as a copy of QueryBudget of
 * another hand-over protocol version would: it asks the agent's bridge to stand back. (The copies of one build always
 * speak one version, so the test plays the other copy's part through the protocol's never-changing entry point.)
 */
public final class OtherProtocolApp {

    private OtherProtocolApp() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> bridge = Class.forName("dev.querybudget.agent.AgentBridge", true, ClassLoader.getSystemClassLoader());
        int otherVersion = (Integer) bridge.getMethod("protocolVersion").invoke(null) + 1;
        bridge.getMethod("standBack", int.class).invoke(null, otherVersion);
        bridge.getMethod("standBack", int.class).invoke(null, otherVersion);
        OrdersApp.main(args);
    }
}
