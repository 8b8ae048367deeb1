package io.dbchat.gateway;

import io.dbchat.contracts.policy.PolicyConfiguration;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.conversations.RedisClients;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.errors.ProblemExceptionHandler;
import io.dbchat.gateway.json.StrictJsonConfiguration;
import io.dbchat.gateway.knowledge.KnowledgeProperties;
import io.dbchat.gateway.query.SqlIntake;
import io.dbchat.gateway.replies.ReplyListener;
import io.dbchat.gateway.replies.ReplyStore;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.security.DatasourcePolicy;
import io.dbchat.gateway.schema.SchemaCatalog;
import io.dbchat.gateway.security.SecurityConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RedissonClient;
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
 * otherwise) and error handler over an in-memory reply store and the conversation records in a real Redis (one
 * {@link TestRedis} for the test run), with Kafka replaced by a {@link ScriptedSubmitter} and
 * {@link RecordingFeedback}, the knowledge topic by {@link MemoryKnowledge}, and the rate limiter by {@link SwitchableLimiter}.
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
    protected SchemaCatalog schemas;
    @Autowired
    protected ScriptedSubmitter pipeline;
    @Autowired
    protected RecordingFeedback feedback;
    @Autowired
    protected SwitchableLimiter limiter;
    @Autowired
    protected RecordingRefresher refresher;
    @Autowired
    protected MemoryKnowledge knowledge;

    @BeforeEach
    void resetFakes() {
        pipeline.reset();
        feedback.reset();
        knowledge.reset();
        refresher.requests().clear();
        limiter.allow();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GatewayProperties.class, DatasourcesProperties.class, ConversationsProperties.class,
            KnowledgeProperties.class})
    @Import({ProblemExceptionHandler.class, SecurityConfiguration.class, PolicyConfiguration.class,
            StrictJsonConfiguration.class})
    @ComponentScan(basePackages = "io.dbchat.gateway", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.dbchat\\.gateway\\.(query\\.(ChatController|EventsController|QuestionIntake|QueryAccess|SqlController|CancelController)"
                    + "|explain\\.SqlExplainController|security\\.AccessController"
                    + "|schema\\.(SchemaInfoController|SchemaLookup|SchemaRefreshController)|conversations\\.ConversationController|feedback\\.FeedbackController"
                    + "|knowledge\\.(KnowledgeController|Knowledge|KnowledgeAccess|KnowledgeCheck|FeedbackProposals))"))
    static class Slice {

        /** One Redis for every slice context of the test run, stopped with the JVM. */
        private static final class SharedRedis {
            static final TestRedis REDIS = TestRedis.start();
            static final String URL = REDIS.url();

            static {
                Runtime.getRuntime().addShutdownHook(new Thread(REDIS::close));
            }
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ReplyStore replyStore(GatewayProperties properties, Clock clock) {
            return new ReplyStore(properties, clock);
        }

        @Bean(destroyMethod = "shutdown")
        RedissonClient redisson() {
            return RedisClients.create(SharedRedis.URL, Duration.ofSeconds(2));
        }

        @Bean
        Conversations conversations(RedissonClient redisson, ConversationsProperties properties, Clock clock) {
            return new Conversations(new ConversationClaims(redisson, properties, clock),
                    new ConversationRecords(redisson), Duration.ofSeconds(2));
        }

        @Bean
        SchemaCatalog schemaCatalog() {
            return new SchemaCatalog();
        }

        @Bean
        ScriptedSubmitter scriptedSubmitter(ReplyStore store, RedissonClient redisson, ConversationsProperties properties) {
            return new ScriptedSubmitter(store, new ConversationRecorder(redisson, properties));
        }

        @Bean
        SqlIntake sqlIntake(ScriptedSubmitter submitter, List<ReplyListener> listeners, SchemaLookup lookup,
                            SchemaCatalog schemas, DatasourcePolicy policy, Conversations conversations,
                            SwitchableLimiter limiter, GatewayProperties properties, Clock clock) {
            return new SqlIntake(submitter, listeners, lookup, schemas, policy, conversations, limiter,
                    properties.maxSqlBytes(), "web", clock);
        }

        @Bean
        MemoryKnowledge memoryKnowledge() {
            return new MemoryKnowledge();
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
