package io.dbchat.interpreter;

import io.dbchat.contracts.runtime.PipelineConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** The interpreter stage: query results in, answers in words out. */
@SpringBootApplication
@Import(PipelineConfiguration.class)
public class InterpreterApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InterpreterApplication.class).properties("spring.config.name=interpreter");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
