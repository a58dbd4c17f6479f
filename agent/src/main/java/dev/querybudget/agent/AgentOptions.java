package dev.querybudget.agent;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.ScopeKind;
import dev.querybudget.settings.SettingSource;

import java.util.function.Function;

/**
 * Where the agent's settings come from: {@code -javaagent:querybudget-agent.jar=key=value,key=value}, else the system
 * property {@code querybudget.<key>}, else the environment variable {@code QUERYBUDGET_<KEY>}. The settings, their
 * defaults and their checks are core's one table, {@link dev.querybudget.settings.Settings}.
 */
final class AgentOptions {

    private AgentOptions() {
    }

    /** @throws InvalidSettingException naming the option, property or variable, its value and what is accepted */
    static ResolvedSettings read(String agentArguments, Function<String, String> systemProperties,
                                 Function<String, String> environment) {
        SettingSource source = SettingSource.optionLine(agentArguments, "option", Front.AGENT)
                .or(SettingSource.properties("system property", systemProperties))
                .or(SettingSource.environment(environment));
        return ResolvedSettings.resolve(Front.AGENT, ScopeKind.REQUEST, source);
    }

    /** The one line the agent prints for a bad setting before it switches itself off. */
    static String refusal(InvalidSettingException invalid) {
        return "QueryBudget agent: " + invalid.detail() + ". The agent is off; the application starts without it.";
    }
}
