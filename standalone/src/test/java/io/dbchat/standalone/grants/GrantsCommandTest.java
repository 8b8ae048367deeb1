package io.dbchat.standalone.grants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantsCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: dbchat grants --datasource");
    }

    @Test
    void aMissingDatasourceIsBadUsage() {
        assertThat(run("--role", "reader")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--datasource is required").contains("usage:");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        assertThat(run("--datasource", "postgresql://h/db", "--grant-everything", "yes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --grant-everything");
    }

    @Test
    void theExposureListsAreTheSchemaPublishersOwn() {
        GrantsOptions options = GrantsOptions.parse(new String[]{"--datasource", "postgresql://h/db",
                "--exclude-columns", "users.password_hash, *.ssn", "--tables", "orders"});

        assertThat(options.columns().exclude()).containsExactly("users.password_hash", "*.ssn");
        assertThat(options.tables().include()).containsExactly("orders");
        assertThat(options.role()).isEqualTo("dbchat_reader");
    }

    private int run(String... args) {
        return GrantsCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
