package io.dbchat.contracts.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The datasources of a deployment: the default one ({@code dbchat.datasource.*}, named "default" unless
 * {@code dbchat.datasource.name} says otherwise) and any others under {@code dbchat.datasources.<name>.*}.
 */
@ConfigurationProperties("dbchat")
public record DatasourcesProperties(DatasourceProperties datasource, Map<String, DatasourceProperties> datasources) {

    public static final String DEFAULT_NAME = "default";

    /** Every configured datasource with a URL, the default first. */
    public List<DatasourceProperties> all() {
        List<DatasourceProperties> out = new ArrayList<>();
        if (datasource != null && datasource.url() != null && !datasource.url().isBlank()) {
            out.add(new DatasourceProperties(defaultName(), datasource.url(), datasource.username(), datasource.password()));
        }
        if (datasources != null) {
            datasources.forEach((name, d) -> out.add(new DatasourceProperties(name, d.url(), d.username(), d.password())));
        }
        return List.copyOf(out);
    }

    public String defaultName() {
        return datasource != null && datasource.name() != null && !datasource.name().isBlank()
                ? datasource.name() : DEFAULT_NAME;
    }

    public Optional<DatasourceProperties> find(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
