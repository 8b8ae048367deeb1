package io.dbchat.gateway.mcp;

import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.kafka.TopicWriter;
import io.dbchat.gateway.metrics.QuestionMeters;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SQL written by the caller, for MCP's {@code run_sql} and for re-running a conversation's turn; MCP on or off. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
class SqlIntakeConfiguration {

    @Bean
    TopicWriter<SqlProposed> writtenSqlWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.sql(), "dbchat-gateway-mcp");
    }

    @Bean
    SqlIntake sqlIntake(TopicWriter<SqlProposed> writtenSqlWriter, ReplySource replies, SchemaLookup lookup,
                        SchemaSource schemas, DatasourcePolicy policy, Conversations conversations,
                        SubmissionLimiter limiter, McpProperties properties, QuestionMeters meters,
                        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Clock clock) {
        return new SqlIntake(writtenSqlWriter, replies, lookup, schemas, policy, conversations, limiter, properties,
                meters, StageTracing.of(tracer, propagator), clock);
    }
}
