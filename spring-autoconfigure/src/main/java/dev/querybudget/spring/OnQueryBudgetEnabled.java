package dev.querybudget.spring;

import dev.querybudget.settings.Settings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code querybudget.enabled}, read and checked like every other setting: {@code querybudget.enabled=maybe} stops
 * start-up with a message, rather than switching QueryBudget off without a word.
 */
final class OnQueryBudgetEnabled extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return SpringSettings.value(context.getEnvironment(), Settings.ENABLED)
                ? ConditionOutcome.match("querybudget.enabled is true")
                : ConditionOutcome.noMatch("querybudget.enabled is false");
    }
}
