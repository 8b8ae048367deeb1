package io.dbchat.llm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The installed {@link LlmProvider}s by name, and the choice of one from the settings. Immutable. */
public final class LlmProviders {

    private static final LlmProviders INSTALLED = of(ServiceLoader.load(LlmProvider.class, LlmProvider.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList());

    private final Map<String, LlmProvider> byName;
    private final List<LlmProvider> byRank;

    private LlmProviders(Map<String, LlmProvider> byName) {
        this.byName = byName;
        this.byRank = byName.values().stream().sorted(Comparator.comparingInt(LlmProvider::rank)).toList();
    }

    /** The providers on the class path. */
    public static LlmProviders installed() {
        return INSTALLED;
    }

    public static LlmProviders of(List<LlmProvider> providers) {
        Map<String, LlmProvider> byName = new TreeMap<>();
        for (LlmProvider p : providers) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("Two LLM providers are named '" + p.name() + "'.");
            }
        }
        return new LlmProviders(byName);
    }

    /** The names a setting may take, sorted, "offline" first. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(LlmProperties.OFFLINE),
                byName.keySet().stream()).toList();
    }

    /** The provider in force: the named one, else the configured one of lowest rank, else offline. */
    public String choose(LlmProperties settings) {
        if (LlmProperties.present(settings.provider())) {
            return settings.provider().strip().toLowerCase(Locale.ROOT);
        }
        return byRank.stream().filter(p -> p.rank() < Integer.MAX_VALUE && p.isConfigured(settings))
                .map(LlmProvider::name).findFirst().orElse(LlmProperties.OFFLINE);
    }

    /** The model in force: the named one, else the provider's default ("rules" offline). */
    public String model(LlmProperties settings) {
        if (LlmProperties.present(settings.model())) {
            return settings.model().strip();
        }
        String name = choose(settings);
        if (LlmProperties.OFFLINE.equals(name)) {
            return "rules";
        }
        return find(name).map(LlmProvider::defaultModel).orElse(null);
    }

    /** The provider in force, which must not be offline; fails naming the known providers when it is unknown. */
    public LlmProvider provider(LlmProperties settings) {
        String name = choose(settings);
        return find(name).orElseThrow(() -> new IllegalStateException("Unknown LLM provider '" + name + "': use "
                + String.join(", ", names()) + "."));
    }

    /** The model in force, which must be named when the provider has no default. */
    String requiredModel(LlmProperties settings) {
        String model = model(settings);
        if (model == null) {
            throw new IllegalStateException("The " + choose(settings) + " provider has no default model: name one with"
                    + " DBCHAT_LLM_MODEL.");
        }
        return model;
    }

    private Optional<LlmProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
