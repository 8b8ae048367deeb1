package io.dbchat.interpreter.stage;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the interpreter's topology into a Spring-managed Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class InterpreterStageConfiguration {

    @Bean
    StreamsBuilderFactoryBean interpreterStreams(PipelineProperties properties, Topics topics) {
        return StageStreams.factory("interpreter", properties, topics);
    }

    @Bean
    TopologyMarker interpreterTopology(StreamsBuilder builder, Topics topics) {
        InterpreterTopology.build(builder, topics, Clock.systemUTC());
        return new TopologyMarker();
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder. */
    record TopologyMarker() {
    }
}
