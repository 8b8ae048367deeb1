package io.dbchat.gateway.query;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of asking: the question producer. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    QuestionSubmitter questionSubmitter(PipelineProperties pipeline, Topics topics) {
        return new KafkaQuestionSubmitter(pipeline, topics);
    }
}
