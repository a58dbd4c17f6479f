package dev.querybudget.spring;

import dev.querybudget.QueryRecorder;
import dev.querybudget.settings.Front;
import dev.querybudget.settings.Setting;
import dev.querybudget.settings.SettingSource;
import dev.querybudget.settings.Settings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Set;

/**
 * With the QueryBudget agent attached at start-up, the agent wraps every connection and reports each request with its
 * own options, and the starter stands back: it says so in one INFO line, naming the {@code querybudget.*} properties
 * that therefore have no effect. A property the agent reads too (a system property or an environment variable of a
 * setting the agent has) is not named.
 */
final class AgentNotice implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog("dev.querybudget");
    /** Where the agent reads its settings too: {@code -Dquerybudget.<key>} and {@code QUERYBUDGET_<KEY>}. */
    private static final Set<String> READ_BY_THE_AGENT = Set.of(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

    private final Environment environment;

    AgentNotice(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (QueryRecorder.isAgentAttached()) {
            LOG.info(line(withoutEffect(environment)));
        }
    }

    static String line(List<String> properties) {
        return "QueryBudget: the QueryBudget agent is attached and reports each request with its own options, so the"
                + " starter wraps no DataSource and reports nothing (no response header, throw mode, meters or actuator"
                + " entries of its own); " + (properties.isEmpty() ? "a querybudget.* property would have no effect."
                : "these properties have no effect: " + String.join(", ", properties) + ".")
                + " Give the agent its options instead: -javaagent:querybudget-agent.jar=key=value,"
                + " -Dquerybudget.<key> or QUERYBUDGET_<KEY>.";
    }

    /** The starter's properties set in {@code environment} that the agent does not read. */
    static List<String> withoutEffect(Environment environment) {
        SettingSource given = SpringSettings.source(environment);
        return Settings.of(Front.SPRING_BOOT).stream()
                .filter(setting -> setting != Settings.ENABLED)
                .filter(setting -> given.find(setting) != null)
                .filter(setting -> !setting.appliesTo(Front.AGENT)
                        || !READ_BY_THE_AGENT.contains(foundIn(environment, setting)))
                .map(Setting::propertyName)
                .toList();
    }

    /** The name of the property source the setting's value comes from (for a list, its first element's). */
    private static String foundIn(Environment environment, Setting<?> setting) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(setting.propertyName());
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if ((source.getConfigurationProperty(name) != null
                    || source.getConfigurationProperty(name.append("[0]")) != null)
                    && source.getUnderlyingSource() instanceof PropertySource<?> underlying) {
                return underlying.getName();
            }
        }
        return "";
    }
}
