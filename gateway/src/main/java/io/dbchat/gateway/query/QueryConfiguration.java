package io.dbchat.gateway.query;

import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.kafka.TopicWriter;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplyListener;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import java.time.Clock;
import java.util.List;
import io.dbchat.gateway.metrics.QuestionMeters;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka side of asking: the question producer, lingering {@code submit-linger} to share produce requests;
 * each question Kafka acknowledged is counted.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    TopicWriter<QuestionAsked> questionWriter(PipelineProperties pipeline, Topics topics, GatewayProperties gateway) {
        return new TopicWriter<>(pipeline, topics.questions(), "dbchat-gateway", gateway.submitLinger());
    }

    @Bean
    QuestionSubmitter questionSubmitter(TopicWriter<QuestionAsked> questionWriter, QuestionMeters meters,
                                        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        var kafka = new KafkaQuestionSubmitter(questionWriter, StageTracing.of(tracer, propagator));
        return question -> kafka.submit(question).doOnSuccess(done -> meters.submitted(question, "question"));
    }

    @Bean
    TopicWriter<SqlProposed> writtenSqlWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.sql(), "dbchat-gateway-sql");
    }

    @Bean
    TopicWriter<QueryCancelled> cancellationWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.cancellations(), "dbchat-gateway-cancel");
    }

    /** Keyed by conversation id, so the cancellation reaches the tasks that hold the query's work. */
    @Bean
    CancelSubmitter cancelSubmitter(TopicWriter<QueryCancelled> cancellationWriter) {
        return cancelled -> cancellationWriter.send(cancelled.conversationId(), cancelled);
    }

    /** SQL written by the caller (the page's edited SQL; MCP and re-runs take it with their own label). */
    @Bean
    SqlIntake sqlIntake(SqlSubmitter sqlSubmitter, List<ReplyListener> listeners, SchemaLookup lookup, SchemaSource schemas,
                        DatasourcePolicy policy, Conversations conversations, SubmissionLimiter limiter,
                        GatewayProperties properties, Clock clock) {
        return new SqlIntake(sqlSubmitter, listeners, lookup, schemas, policy, conversations, limiter,
                properties.maxSqlBytes(), "web", clock);
    }

    /** SQL the caller wrote goes straight to the sql topic; its trace starts here as a question's does. */
    @Bean
    SqlSubmitter sqlSubmitter(TopicWriter<SqlProposed> writtenSqlWriter, QuestionMeters meters,
                              ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        var tracing = StageTracing.of(tracer, propagator);
        return proposal -> writtenSqlWriter.send(proposal.question().conversationId(), proposal,
                        KafkaQuestionSubmitter.headers(tracing, "gateway run sql", proposal.queryId()))
                .doOnSuccess(done -> meters.submitted(proposal.question(), "sql"));
    }
}
