package io.dbchat.gateway.query;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.kafka.TopicWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of asking: the question producer, lingering {@code submit-linger} to share produce requests. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    TopicWriter<QuestionAsked> questionWriter(PipelineProperties pipeline, Topics topics, GatewayProperties gateway) {
        return new TopicWriter<>(pipeline, topics.questions(), "dbchat-gateway", gateway.submitLinger());
    }

    @Bean
    QuestionSubmitter questionSubmitter(TopicWriter<QuestionAsked> questionWriter) {
        return new KafkaQuestionSubmitter(questionWriter);
    }
}
