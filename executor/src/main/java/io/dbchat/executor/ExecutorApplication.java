package io.dbchat.executor;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineConfiguration;
import io.dbchat.executor.execution.SessionSettings;
import io.dbchat.executor.plan.PlanCheckProperties;
import io.dbchat.executor.stage.ExecutorProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The executor stage: SqlProposed in, QueryResult / SqlFailed / STATUS replies out. Configured by executor.yml. */
@SpringBootApplication
@Import(PipelineConfiguration.class)
@EnableConfigurationProperties({ExecutorProperties.class, PlanCheckProperties.class, DatasourcesProperties.class,
        SessionSettings.class})
public class ExecutorApplication {

    /** The stage's application builder, for a launcher that starts it in-process with extra properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ExecutorApplication.class).properties("spring.config.name=executor");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
