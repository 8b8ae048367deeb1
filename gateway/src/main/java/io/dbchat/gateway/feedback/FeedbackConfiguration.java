package io.dbchat.gateway.feedback;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka producer of feedback. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    @Bean
    FeedbackPublisher feedbackPublisher(PipelineProperties pipeline, Topics topics) {
        return new KafkaFeedbackPublisher(pipeline, topics);
    }
}
