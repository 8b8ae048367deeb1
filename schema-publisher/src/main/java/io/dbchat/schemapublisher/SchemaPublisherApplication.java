package io.dbchat.schemapublisher;

import io.dbchat.contracts.runtime.PipelineConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The schema-publisher stage: reads each datasource's catalog and publishes it to the compacted schema topic. */
@SpringBootApplication
@Import(PipelineConfiguration.class)
public class SchemaPublisherApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The stage as the standalone launcher starts it in-process, before any extra properties. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchemaPublisherApplication.class)
                .properties("spring.config.name=schema-publisher");
    }
}
