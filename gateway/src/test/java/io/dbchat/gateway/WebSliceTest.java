package io.dbchat.gateway;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.errors.ProblemExceptionHandler;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.replies.ReplyStore;
import io.dbchat.gateway.schema.SchemaCatalog;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the web slice tests: the real controllers and error handler over an in-memory reply store,
 * with Kafka replaced by a {@link ScriptedSubmitter}. Short timeouts keep the tests fast.
 */
@WebFluxTest(properties = {
        "dbchat.gateway.answer-timeout=700ms",
        "dbchat.gateway.heartbeat=100ms",
        "dbchat.gateway.max-question-bytes=64",
        "dbchat.datasources.sales.url=postgresql://localhost/sales"})
@ContextConfiguration(classes = WebSliceTest.Slice.class)
// declared directly (not only through @WebFluxTest) so that Spring Boot recognises this as a test class and
// the application's component scan in the broker-backed test leaves the nested configuration out
@ExtendWith(SpringExtension.class)
public abstract class WebSliceTest {

    @Autowired
    protected WebTestClient client;
    @Autowired
    protected ReplyStore replies;
    @Autowired
    protected SchemaCatalog schemas;
    @Autowired
    protected ScriptedSubmitter pipeline;

    @BeforeEach
    void resetPipeline() {
        pipeline.reset();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GatewayProperties.class, DatasourcesProperties.class})
    @Import(ProblemExceptionHandler.class)
    @ComponentScan(basePackages = "io.dbchat.gateway", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.dbchat\\.gateway\\.(query\\.(ChatController|EventsController|QuestionIntake)|schema\\.SchemaInfoController)"))
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ReplyStore replyStore(GatewayProperties properties, Clock clock) {
            return new ReplyStore(properties, clock);
        }

        @Bean
        SchemaCatalog schemaCatalog() {
            return new SchemaCatalog();
        }

        @Bean
        ScriptedSubmitter scriptedSubmitter(ReplyStore store) {
            return new ScriptedSubmitter(store);
        }

        @Bean
        PrincipalResolver principalResolver() {
            return PrincipalResolver.anonymous();
        }
    }
}
