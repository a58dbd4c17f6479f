package dev.querybudget.spring;

import dev.querybudget.settings.Settings;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether {@code querybudget.json} names a file; its value is checked with the other settings. */
final class OnJsonFile extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return SpringSettings.source(context.getEnvironment()).find(Settings.JSON) != null
                ? ConditionOutcome.match("querybudget.json is set") : ConditionOutcome.noMatch("querybudget.json is not set");
    }
}
