package io.dbchat.translator.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplateTest {

    @Test
    void theBundledTemplateCarriesItsPlainVersion() {
        var template = PromptTemplate.load("translate-v1", null);

        assertThat(template.version()).isEqualTo("translate-v1");
        assertThat(template.main()).contains("{{schema}}", "{{history}}", "{{question}}", "{{retry}}");
        assertThat(template.retry()).contains("{{failed_sql}}", "{{failure}}");
    }

    @Test
    void aTemplateInTheOverrideDirectoryWinsAndItsVersionSaysWhichTextItWas(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("translate-v1.txt"), "Schema: {{schema}}\nQ: {{question}}{{retry}}");

        var template = PromptTemplate.load("translate-v1", dir.toString());

        assertThat(template.main()).startsWith("Schema: {{schema}}");
        assertThat(template.version()).matches("translate-v1@[0-9a-f]{8}");
        assertThat(template.retry()).contains("{{failed_sql}}");
    }

    @Test
    void aDirectoryWithoutTheTemplateFallsBackToTheBundledOne(@TempDir Path dir) {
        assertThat(PromptTemplate.load("translate-v1", dir.toString()).version()).isEqualTo("translate-v1");
    }
}
