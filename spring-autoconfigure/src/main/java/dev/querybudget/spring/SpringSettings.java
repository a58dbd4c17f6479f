package dev.querybudget.spring;

import dev.querybudget.settings.Front;
import dev.querybudget.settings.InvalidSettingException;
import dev.querybudget.settings.ResolvedSettings;
import dev.querybudget.settings.ScopeKind;
import dev.querybudget.settings.Setting;
import dev.querybudget.settings.SettingSource;
import dev.querybudget.settings.Settings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The starter's settings, read from Spring's environment ({@code application.properties}, YAML, environment
 * variables, …) under {@code querybudget.*}, with core's one table of names, defaults and checks. An error names the
 * property, where Spring found it, the value and what is accepted; a {@code querybudget.*} property that is no
 * setting is logged once with the setting it most likely meant.
 */
final class SpringSettings {

    private static final Log LOG = LogFactory.getLog("dev.querybudget");
    private static final String PREFIX = "querybudget.";

    private SpringSettings() {
    }

    /** @throws InvalidSettingException for a value a setting does not accept */
    static ResolvedSettings read(Environment environment) {
        warnAboutUnknownProperties(environment);
        return ResolvedSettings.resolve(Front.SPRING_BOOT, ScopeKind.REQUEST, source(environment));
    }

    /**
     * One setting alone, checked, else its default: for what must be known before the settings bean exists (the
     * condition on {@code querybudget.enabled}, the DataSource post-processor). Unknown properties are logged once,
     * by {@link #read}.
     *
     * @throws InvalidSettingException for a value the setting does not accept
     */
    static <T> T value(Environment environment, Setting<T> setting) {
        SettingSource.Given given = source(environment).find(setting);
        return given == null ? setting.defaultValue(ScopeKind.REQUEST) : setting.parse(given.text(), given.origin());
    }

    /** {@code querybudget.<setting>} in Spring's environment, with Spring's relaxed names and list forms. */
    static SettingSource source(Environment environment) {
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
        Binder binder = new Binder(sources);
        return setting -> {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(setting.propertyName());
            ConfigurationProperty property = find(sources, name);
            boolean list = setting.valueType() == List.class;
            if (property == null && !list) {
                return null;
            }
            String text;
            if (list) {
                // a comma-separated value or an indexed list (querybudget.ignore-urls[0]=…), as Spring binds lists
                List<String> items = binder.bind(name, Bindable.listOf(String.class)).orElse(null);
                if (items == null) {
                    return null;
                }
                text = String.join(",", items);
            } else {
                text = String.valueOf(property.getValue());
            }
            return new SettingSource.Given(text, origin(setting, property));
        };
    }

    private static ConfigurationProperty find(Iterable<ConfigurationPropertySource> sources,
                                              ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return property;
            }
        }
        return null;
    }

    /** {@code property 'querybudget.threshold'}, and where Spring found it: a file and line, a variable, a source. */
    private static String origin(Setting<?> setting, ConfigurationProperty property) {
        Origin origin = property == null ? null : property.getOrigin();
        String where = origin == null ? ""
                : origin instanceof PropertySourceOrigin source
                ? " (from property source \"" + source.getPropertySource().getName() + "\")"
                : " (" + origin + ")";
        return "property '" + setting.propertyName() + "'" + where;
    }

    private static void warnAboutUnknownProperties(Environment environment) {
        ConfigurationPropertyName prefix = ConfigurationPropertyName.of("querybudget");
        List<ConfigurationPropertyName> known = Settings.all().stream()
                .map(setting -> ConfigurationPropertyName.of(setting.propertyName())).toList();
        Set<String> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().filter(prefix::isAncestorOf)
                        .map(name -> name.isLastElementIndexed() ? name.getParent() : name)
                        .filter(name -> known.stream().noneMatch(name::equals))
                        .forEach(name -> unknown.add(name.toString()));
            }
        }
        for (String name : unknown) {
            Setting<?> closest = Settings.closest(name.substring(PREFIX.length()));
            LOG.warn("QueryBudget: property '" + name + "' is not a QueryBudget setting and has no effect"
                    + (closest == null ? "" : "; did you mean '" + closest.propertyName() + "'?"));
        }
    }
}
