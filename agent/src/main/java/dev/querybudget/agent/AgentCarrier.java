package dev.querybudget.agent;

import dev.querybudget.agent.bootstrap.Carrier;
import dev.querybudget.spi.CarriedScopes;
import dev.querybudget.spi.Failures;

/** The bootstrap {@link Carrier}'s way into the agent's engine: {@link CarriedScopes}. */
final class AgentCarrier extends Carrier {

    @Override
    protected Object capture() {
        return AgentBridge.isActive() ? CarriedScopes.capture() : null;
    }

    @Override
    protected Object attach(Object captured) {
        return CarriedScopes.attach(captured);
    }

    @Override
    protected void restore(Object previous) {
        CarriedScopes.restore(previous);
    }

    @Override
    protected void failed(String doing, Throwable failure) {
        Failures.report(doing, failure);
    }
}
