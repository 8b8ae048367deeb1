package io.dbchat.executor.stage;

import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.runtime.DatasourceProperties;
import io.dbchat.contracts.runtime.DatasourcesProperties;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.executor.execution.ConnectionPools;
import io.dbchat.executor.execution.ExecutionMode;
import io.dbchat.executor.execution.R2dbcQueryRunner;
import io.dbchat.executor.execution.SessionSettings;
import io.dbchat.executor.guard.SqlGuard;
import io.dbchat.executor.plan.PlanCheck;
import io.dbchat.executor.plan.PlanCheckProperties;
import io.dbchat.executor.role.RoleCheck;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Wires the executor: its Streams instance, the guard, the plan check, one connection pool per datasource, the
 * topology.
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

    /** Statements refused before they ran (by the guard, or for want of a schema or datasource), by code. */
    static final String REFUSALS = "dbchat.guard.refusals";
    static final String CACHE_HITS = "dbchat.guard.cache.hits";

    @Bean
    StreamsBuilderFactoryBean executorStreams(PipelineProperties pipeline, Topics topics) {
        return StageStreams.factory("executor", pipeline, topics);
    }

    /** The guard, with how often its caches answer: a text seen before, or a known shape with new values. */
    @Bean
    SqlGuard sqlGuard(ExecutorProperties properties, MeterRegistry meters) {
        SqlGuard guard = new SqlGuard(properties.guardLimits());
        FunctionCounter.builder(CACHE_HITS, guard, SqlGuard::textAnswers).tag("cache", "text").register(meters);
        FunctionCounter.builder(CACHE_HITS, guard, SqlGuard::shapeAnswers).tag("cache", "shape").register(meters);
        return guard;
    }

    /**
     * The plan check; before any proposal has been checked it reads the snapshot from the topology's store. With the
     * database's row-level security on, plans may call {@code current_setting}, which its policies read.
     */
    @Bean
    PlanCheck planCheck(PlanCheckProperties properties, StreamsBuilderFactoryBean executorStreams,
                        SessionSettings rls) {
        return new PlanCheck(properties.budget(),
                datasource -> ExecutorTopology.storedSnapshot(executorStreams.getKafkaStreams(), datasource),
                rls.enabled() ? Set.of("current_setting") : Set.of());
    }

    @Bean(destroyMethod = "close")
    R2dbcQueryRunner queryRunner(DatasourcesProperties datasources, ExecutorProperties properties,
                                 PlanCheckProperties planCheckProperties, PlanCheck planCheck) {
        Map<String, ConnectionPool> pools = new LinkedHashMap<>();
        for (DatasourceProperties d : datasources.all()) {
            pools.put(d.name(), ConnectionPools.create(d, properties.username(), properties.password(),
                    properties.poolSize(), properties.executionLimits()));
        }
        return new R2dbcQueryRunner(pools, properties.executionLimits(), properties.mode(),
                planCheckProperties.enabled() ? planCheck : null);
    }

    /** Inspects the executor's role in every datasource before the stage starts; refuses a superuser unless allowed. */
    @Bean
    RoleCheck executorRole(R2dbcQueryRunner runner, DatasourcesProperties datasources, ExecutorProperties properties) {
        Map<String, ConnectionFactory> connections = new LinkedHashMap<>();
        datasources.all().forEach(d -> connections.put(d.name(), runner.connections(d.name())));
        var check = new RoleCheck(connections, properties.allowSuperuser());
        check.inspectAll();
        return check;
    }

    /** Queries wait out a database outage for a while; also the "databaseOutage" health indicator. */
    @Bean
    OutageRetry databaseOutage(R2dbcQueryRunner runner, DatasourcesProperties datasources, ExecutorProperties properties) {
        return new OutageRetry(runner, datasources.all().stream().map(DatasourceProperties::name).toList(),
                properties.outageRetry(), Clock.systemUTC());
    }

    @Bean
    TopologyMarker executorTopology(StreamsBuilder executorStreams, Topics topics, SqlGuard guard,
                                    OutageRetry runner, ExecutorProperties properties, PlanCheck planCheck,
                                    RoleCheck roleCheck, MeterRegistry meters, PolicyStore policies,
                                    SessionSettings rls) {
        if (rls.enabled() && properties.mode() != ExecutionMode.TRANSACTION) {
            throw new IllegalStateException("dbchat.executor.rls.enabled=true needs dbchat.executor.mode=transaction: "
                    + "the attributes are set local to each statement's own transaction");
        }
        var handler = new QueryHandler(guard, runner, properties, Clock.systemUTC(), schema -> {
            planCheck.seen(schema);
            roleCheck.seen(schema);
        }, code -> meters.counter(REFUSALS, "code", code).increment(), policies, rls);
        StageMeters.inFlight(meters, "executor", ExecutorTopology.build(executorStreams, topics, handler, properties.async()));
        return new TopologyMarker();
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder. */
    record TopologyMarker() {
    }
}
