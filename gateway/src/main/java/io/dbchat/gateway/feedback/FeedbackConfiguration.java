package io.dbchat.gateway.feedback;

import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.kafka.TopicWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Feedback goes to the feedback topic, keyed by conversation id. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    @Bean
    TopicWriter<FeedbackGiven> feedbackWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.feedback(), "dbchat-gateway-feedback");
    }

    @Bean
    FeedbackPublisher feedbackPublisher(TopicWriter<FeedbackGiven> feedbackWriter) {
        return feedback -> feedbackWriter.send(feedback.conversationId(), feedback);
    }
}
