package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the stages are started with: the embedded infrastructure's settings, each overridable by an argument. */
class StandaloneArgumentsTest {

    @Test
    void anArgumentReplacesTheInfrastructureSettingOfTheSameKeyInsteadOfJoiningIt() {
        Map<String, String> infrastructure = new LinkedHashMap<>();
        infrastructure.put("dbchat.executor.username", "dbchat_reader");
        infrastructure.put("dbchat.datasource.name", "demo");

        List<String> args = Standalone.arguments(infrastructure,
                List.of("--dbchat.executor.username=postgres", "--server.port=0"));

        assertThat(args).containsExactly("--dbchat.datasource.name=demo", "--dbchat.executor.username=postgres",
                "--server.port=0");
    }
}
