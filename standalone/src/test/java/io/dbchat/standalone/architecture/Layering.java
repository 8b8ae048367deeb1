package io.dbchat.standalone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The layering of the modules as rules: a stage reaches another only through the topics, so no stage's code names
 * another stage's; {@code contracts} (the pipeline's language) names no stage, no LLM code and no LangChain4j; and
 * only the {@code llm} module names LangChain4j's provider packages.
 */
final class Layering {

    static final List<String> STAGES = List.of("translator", "executor", "interpreter", "gateway", "schemapublisher");
    static final String[] PROVIDER_PACKAGES = {"dev.langchain4j.model.openai..", "dev.langchain4j.model.anthropic..",
            "dev.langchain4j.model.ollama..", "dev.langchain4j.model.googleai..", "dev.langchain4j.model.azure.."};

    private Layering() {
    }

    static ArchRule stagesStayApart() {
        return CompositeArchRule.of(STAGES.stream().map(Layering::stageAlone).toList())
                .as("no stage depends on another stage");
    }

    private static ArchRule stageAlone(String stage) {
        String[] others = STAGES.stream().filter(s -> !s.equals(stage)).map(Layering::packageOf).toArray(String[]::new);
        return noClasses().that().resideInAPackage(packageOf(stage)).should().dependOnClassesThat()
                .resideInAnyPackage(others).as("the " + stage + " depends on no other stage")
                // a check over some classes only (a fixture) meets stages it holds none of; LayeringTest sees them all
                .allowEmptyShould(true);
    }

    static ArchRule contractsIsTheLanguageOnly() {
        String[] forbidden = java.util.stream.Stream.concat(STAGES.stream().map(Layering::packageOf),
                        java.util.stream.Stream.of("io.dbchat.llm..", "io.dbchat.standalone..", "dev.langchain4j.."))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.dbchat.contracts..").should().dependOnClassesThat()
                .resideInAnyPackage(forbidden).as("contracts depends on no stage, no LLM module and no LangChain4j");
    }

    static ArchRule onlyTheLlmModuleKnowsTheProviders() {
        return noClasses().that().resideInAPackage("io.dbchat..").and().resideOutsideOfPackage("io.dbchat.llm..")
                .should().dependOnClassesThat().resideInAnyPackage(PROVIDER_PACKAGES)
                .as("only the llm module depends on LangChain4j's provider packages " + Arrays.toString(PROVIDER_PACKAGES));
    }

    static String packageOf(String stage) {
        return "io.dbchat." + stage + "..";
    }
}
