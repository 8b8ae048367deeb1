package io.dbchat.executor.stage;

import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.guard.SqlGuard;
import io.r2dbc.pool.ConnectionPool;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the executor: its Streams instance, the guard, one connection pool per datasource, the topology. */
@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

    @Bean
    StreamsBuilderFactoryBean executorStreams(PipelineProperties pipeline, Topics topics) {
        return StageStreams.factory("executor", pipeline, topics);
    }

    @Bean
    SqlGuard sqlGuard(ExecutorProperties properties) {
        return new SqlGuard(properties.guardLimits());
    }

    @Bean(destroyMethod = "close")
    R2dbcQueryRunner queryRunner(DatasourcesProperties datasources, ExecutorProperties properties) {
        Map<String, ConnectionPool> pools = new LinkedHashMap<>();
        for (DatasourceProperties d : datasources.all()) {
            pools.put(d.name(), ConnectionPools.create(d, properties.username(), properties.password(),
                    properties.poolSize(), properties.executionLimits()));
        }
        return new R2dbcQueryRunner(pools, properties.executionLimits(), properties.mode());
    }

    /** Queries wait out a database outage for a while; also the "databaseOutage" health indicator. */
    @Bean
    OutageRetry databaseOutage(R2dbcQueryRunner runner, DatasourcesProperties datasources, ExecutorProperties properties) {
        return new OutageRetry(runner, datasources.all().stream().map(DatasourceProperties::name).toList(),
                properties.outageRetry(), Clock.systemUTC());
    }

    @Bean
    TopologyMarker executorTopology(StreamsBuilder executorStreams, Topics topics, SqlGuard guard,
                                    OutageRetry runner, ExecutorProperties properties) {
        var handler = new QueryHandler(guard, runner, properties, Clock.systemUTC());
        ExecutorTopology.build(executorStreams, topics, handler, properties.async());
        return new TopologyMarker();
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder. */
    record TopologyMarker() {
    }
}
