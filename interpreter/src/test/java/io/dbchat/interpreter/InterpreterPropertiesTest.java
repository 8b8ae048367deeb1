package io.dbchat.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.llm.LlmProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** interpreter.yml binds every setting with a default, and no LLM unless the environment names one. */
class InterpreterPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=interpreter")
            .withUserConfiguration(Bind.class);

    @Test
    void defaultsToTemplatesWithoutPrivacyAndBoundedStreaming() {
        runner.run(context -> {
            var settings = context.getBean(InterpreterProperties.class);
            assertThat(context.getBean(LlmProperties.class).isOffline()).isTrue();
            assertThat(settings.privacyFor("demo")).isFalse();
            assertThat(settings.maxInFlight()).isEqualTo(1024);
            assertThat(settings.tokenBatchSize()).isEqualTo(20);
            assertThat(settings.tokenBatchEvery()).isEqualTo(Duration.ofMillis(50));
            assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void privacyIsSetGloballyOrPerDatasource() {
        runner.withPropertyValues("dbchat.interpreter.privacy-datasources.hr=true", "OPENAI_BASE_URL=http://127.0.0.1:1/v1")
                .run(context -> {
                    var settings = context.getBean(InterpreterProperties.class);
                    assertThat(settings.privacyFor("hr")).isTrue();
                    assertThat(settings.privacyFor("demo")).isFalse();
                    assertThat(context.getBean(LlmProperties.class).effectiveProvider()).isEqualTo("openai");
                });
        runner.withPropertyValues("dbchat.interpreter.privacy=true")
                .run(context -> assertThat(context.getBean(InterpreterProperties.class).privacyFor("demo")).isTrue());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({InterpreterProperties.class, LlmProperties.class})
    static class Bind {
    }
}
