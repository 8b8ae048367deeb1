package io.dbchat.standalone.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.EvaluationResult;
import io.dbchat.contracts.layeringfixture.ContractsNamingAModel;
import io.dbchat.interpreter.layeringfixture.InterpreterBuildingAnOpenAiClient;
import io.dbchat.translator.layeringfixture.TranslatorCallingTheGuard;
import org.junit.jupiter.api.Test;

/**
 * {@link Layering}'s rules over the production classes of every module (standalone's class path holds them all),
 * and over deliberately bad classes (test-only, under {@code layeringfixture}), to show each rule fails on the
 * import it forbids.
 */
class LayeringTest {

    /** Test classes and test jars are not the modules' code; the fixtures below live there too. */
    private static final ImportOption PRODUCTION = new ImportOption.DoNotIncludeTests()::includes;
    private static final ImportOption NO_TEST_JARS = (Location l) -> !l.contains("-tests.jar");

    private static final JavaClasses MODULES = new ClassFileImporter().withImportOption(PRODUCTION)
            .withImportOption(NO_TEST_JARS).importPackages("io.dbchat");

    @Test
    void theRulesSeeEveryModule() {
        for (String module : new String[] {"contracts", "llm", "eval", "translator", "executor", "interpreter", "gateway",
                "schemapublisher", "standalone"}) {
            assertThat(MODULES.stream().anyMatch(c -> c.getPackageName().startsWith("io.dbchat." + module)))
                    .as("classes of %s imported", module).isTrue();
        }
        assertThat(MODULES.stream().anyMatch(c -> c.getPackageName().contains("layeringfixture"))).isFalse();
    }

    @Test
    void noStageDependsOnAnotherStage() {
        Layering.stagesStayApart().check(MODULES);
    }

    @Test
    void theGuardTheGatewayUsesNamesNothingElseOfTheExecutor() {
        Layering.guardDependsOnlyOnContracts().check(MODULES);
    }

    @Test
    void contractsDependsOnNoStageAndNoLangChain4j() {
        Layering.contractsIsTheLanguageOnly().check(MODULES);
    }

    @Test
    void onlyTheLlmModuleDependsOnTheProviderClients() {
        Layering.onlyTheLlmModuleKnowsTheProviders().check(MODULES);
    }

    @Test
    void aStageCallingIntoAnotherStageBreaksTheRule() {
        EvaluationResult result = Layering.stagesStayApart().evaluate(fixture(TranslatorCallingTheGuard.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains(TranslatorCallingTheGuard.class.getName()) && d.contains("io.dbchat.executor"));
    }

    @Test
    void contractsNamingLangChain4jBreaksTheRule() {
        EvaluationResult result = Layering.contractsIsTheLanguageOnly().evaluate(fixture(ContractsNamingAModel.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains(ContractsNamingAModel.class.getName()) && d.contains("dev.langchain4j"));
    }

    @Test
    void aStageBuildingAProviderClientBreaksTheRule() {
        EvaluationResult result = Layering.onlyTheLlmModuleKnowsTheProviders()
                .evaluate(fixture(InterpreterBuildingAnOpenAiClient.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(
                InterpreterBuildingAnOpenAiClient.class.getName()) && d.contains("dev.langchain4j.model.openai"));
    }

    private static JavaClasses fixture(Class<?> bad) {
        return new ClassFileImporter().importClasses(bad);
    }
}
