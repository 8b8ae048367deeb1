package io.dbchat.gateway;

import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.gateway.conversations.ConversationIndex;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.conversations.ConversationsProperties;
import io.dbchat.gateway.conversations.DeletionMarkers;
import io.dbchat.gateway.errors.ProblemExceptionHandler;
import io.dbchat.gateway.json.StrictJsonConfiguration;
import io.dbchat.gateway.replies.ReplyStore;
import io.dbchat.gateway.schema.SchemaCatalog;
import io.dbchat.gateway.security.SecurityConfiguration;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the web slice tests: the real controllers, security chain (open mode unless a subclass says
 * otherwise) and error handler over an in-memory reply store and conversation index, with Kafka replaced
 * by a {@link ScriptedSubmitter} and {@link RecordingFeedback}, and Redis by {@link SwitchableLimiter}.
 */
@WebFluxTest(properties = {
        "dbchat.gateway.answer-timeout=700ms",
        "dbchat.gateway.heartbeat=100ms",
        "dbchat.gateway.max-question-bytes=64",
        "dbchat.gateway.unknown-query-grace=200ms",
        "dbchat.datasources.sales.url=postgresql://localhost/sales"})
// here, not in @WebFluxTest: a subclass's @TestPropertySource then overrides it (another auth mode)
@TestPropertySource(properties = "dbchat.gateway.auth.mode=open")
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
    protected ConversationIndex conversations;
    @Autowired
    protected SchemaCatalog schemas;
    @Autowired
    protected ScriptedSubmitter pipeline;
    @Autowired
    protected RecordingFeedback feedback;
    @Autowired
    protected SwitchableLimiter limiter;
    @Autowired
    protected RecordingRefresher refresher;

    @BeforeEach
    void resetFakes() {
        pipeline.reset();
        feedback.reset();
        refresher.requests().clear();
        limiter.allow();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GatewayProperties.class, DatasourcesProperties.class, ConversationsProperties.class})
    @Import({ProblemExceptionHandler.class, SecurityConfiguration.class, StrictJsonConfiguration.class})
    @ComponentScan(basePackages = "io.dbchat.gateway", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.dbchat\\.gateway\\.(query\\.(ChatController|EventsController|QuestionIntake|QueryAccess|SqlController|CancelController)"
                    + "|explain\\.SqlExplainController|security\\.AccessController"
                    + "|schema\\.(SchemaInfoController|SchemaLookup|SchemaRefreshController)|conversations\\.ConversationController|feedback\\.FeedbackController)"))
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
        ConversationIndex conversationIndex(ConversationsProperties properties) {
            return new ConversationIndex(properties);
        }

        @Bean
        Conversations conversations(ConversationIndex index) {
            return new Conversations(index, new DeletionMarkers(1000));
        }

        @Bean
        SchemaCatalog schemaCatalog() {
            return new SchemaCatalog();
        }

        @Bean
        ScriptedSubmitter scriptedSubmitter(ReplyStore store, ConversationIndex index) {
            return new ScriptedSubmitter(store, index);
        }

        @Bean
        RecordingFeedback recordingFeedback() {
            return new RecordingFeedback();
        }

        @Bean
        RecordingRefresher recordingRefresher() {
            return new RecordingRefresher();
        }

        @Bean
        SwitchableLimiter switchableLimiter() {
            return new SwitchableLimiter();
        }
    }
}
