package io.dbchat.standalone.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
    /**
     * The one package of a stage another stage may use: the executor's SQL guard, pure (JSqlParser and contracts, see
     * {@code guardDependsOnlyOnContracts}), which the gateway runs on knowledge entries when they are saved.
     */
    static final String SHARED_GUARD = "io.dbchat.executor.guard..";
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
        DescribedPredicate<JavaClass> forbidden = JavaClass.Predicates.resideInAnyPackage(others);
        if (stage.equals("gateway")) {
            // the gateway judges knowledge entries with the executor's own guard when they are saved
            forbidden = forbidden.and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(SHARED_GUARD)));
        }
        return noClasses().that().resideInAPackage(packageOf(stage)).should().dependOnClassesThat(forbidden)
                .as("the " + stage + " depends on no other stage")
                // a check over some classes only (a fixture) meets stages it holds none of; LayeringTest sees them all
                .allowEmptyShould(true);
    }

    /** The guard the gateway may use names nothing else of the executor, so the exception stays that one package. */
    static ArchRule guardDependsOnlyOnContracts() {
        return noClasses().that().resideInAPackage(SHARED_GUARD).should().dependOnClassesThat(
                        JavaClass.Predicates.resideInAPackage("io.dbchat.executor..")
                                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(SHARED_GUARD))))
                .as("the executor's guard depends on no other package of the executor");
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
