package io.dbchat.translator.stage;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.translator.Translator;
import io.dbchat.translator.offline.OfflineTranslator;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the translator's topology into a Spring-managed Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
class TranslatorStageConfiguration {

    static final String STAGE = "translator";

    @Bean
    StreamsBuilderFactoryBean translatorStreams(PipelineProperties properties, Topics topics) {
        return StageStreams.factory(STAGE, properties, topics);
    }

    @Bean
    Translator translator() {
        return new OfflineTranslator();
    }

    @Bean
    TopologyMarker translatorTopology(StreamsBuilder builder, Topics topics, Translator translator) {
        TranslatorTopology.build(builder, topics, translator, Clock.systemUTC());
        return new TopologyMarker();
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder. */
    record TopologyMarker() {
    }
}
