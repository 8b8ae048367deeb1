package io.dbchat.translator;

import io.dbchat.contracts.runtime.PipelineConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The translator stage: questions in, proposed SQL (or reasoned refusals) out. */
@SpringBootApplication
@Import(PipelineConfiguration.class)
public class TranslatorApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TranslatorApplication.class).properties("spring.config.name=translator");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
