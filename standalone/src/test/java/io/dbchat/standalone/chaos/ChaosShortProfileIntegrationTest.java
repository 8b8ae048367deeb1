package io.dbchat.standalone.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's fault-injection profile, as {@code dbchat chaos --profile build} runs it: a KRaft broker, PostgreSQL,
 * Redis and every stage instance as processes of their own, two stage kills (a translator, a gateway) and four
 * dependency outages while 120 questions are asked; {@code deploy/chaos} runs the short profile, which kills the
 * executor and the interpreter as well. Every question is answered exactly once, every subscriber sees its answer once, every
 * poison record reaches the DLQ, the pipeline answers again within the bound after each fault, the executor's
 * health is DOWN while PostgreSQL is, and every instance's health is UP again at the end. The stages run from the
 * service jars the build made (target/*-exec.jar), started as deploy/ starts them, so the suite checks that too.
 */
class ChaosShortProfileIntegrationTest {

    @TempDir
    Path work;

    @Test
    void everyAcceptedQuestionGetsExactlyOneAnswerWhateverFails() {
        Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        ChaosReport report = new ChaosRun(ChaosOptions.profile("build", work).withServiceJars(project)).run();

        assertThat(report.accepted()).isGreaterThan(0);
        assertThat(report.lost()).as(report.summary()).isZero();
        assertThat(report.duplicated()).as(report.summary()).isZero();
        assertThat(report.subscribersWithoutFinal()).as(report.summary()).isZero();
        assertThat(report.subscribersWithTwoFinals()).as(report.summary()).isZero();
        assertThat(report.poisonOnDeadLetterQueue()).as(report.summary()).containsOnlyKeys(Poison.INPUTS)
                .doesNotContainValue(false);
        assertThat(report.kills()).containsOnlyKeys("translator-a", "gateway-a");
        assertThat(report.outages()).containsOnlyKeys("postgres", "redis", "model", "broker");
        assertThat(report.unrecovered()).as(report.summary()).isZero();
        assertThat(report.faults()).filteredOn(f -> f.target().equals("postgres")).singleElement()
                .satisfies(f -> assertThat(f.healthDuringFault()).contains("\"DOWN\"").contains("unreachable since"));
        assertThat(report.healthAtTheEnd()).containsOnlyKeys(Cluster.INSTANCES).allSatisfy(
                (instance, status) -> assertThat(status).as(instance).isEqualTo("UP"));
        assertThat(report.passed()).as(report.summary()).isTrue();
    }
}
