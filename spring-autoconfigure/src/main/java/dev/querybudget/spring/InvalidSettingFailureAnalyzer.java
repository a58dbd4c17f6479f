package dev.querybudget.spring;

import dev.querybudget.settings.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a QueryBudget setting that stopped start-up: which property, its value, and what it accepts. */
final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.getMessage() + ".", "Give " + cause.origin() + " " + cause.accepted()
                + ", or remove it to keep QueryBudget's default.", cause);
    }
}
