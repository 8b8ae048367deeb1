package io.dbchat.executor.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.executor.execution.ExecutionMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** dbchat.executor.mode picks the execution mode; left out, it is session. */
class ExecutorPropertiesTest {

    @Test
    void theModeDefaultsToSession() {
        assertThat(bind(Map.of()).mode()).isEqualTo(ExecutionMode.SESSION);
        assertThat(ExecutorProperties.defaults().mode()).isEqualTo(ExecutionMode.SESSION);
    }

    @Test
    void theTransactionModeIsChosenByConfiguration() {
        assertThat(bind(Map.of("dbchat.executor.mode", "transaction")).mode()).isEqualTo(ExecutionMode.TRANSACTION);
    }

    private static ExecutorProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("dbchat.executor", ExecutorProperties.class);
    }
}
