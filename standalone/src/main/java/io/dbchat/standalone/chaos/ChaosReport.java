package io.dbchat.standalone.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The verdict of a run. It passes when no accepted question is lost or duplicated on the topic, every
 * subscriber saw its FINAL exactly once after de-duplication, every fault was recovered from within the bound,
 * the poison record on each stage's input topic reached the DLQ with its error headers, and every instance's
 * health endpoint says UP again at the end.
 */
record ChaosReport(
        String profile,
        boolean recoveryFix,
        long seed,
        int questions,
        int accepted,
        int notAccepted,
        int answered,
        int errorAnswers,
        Map<String, Integer> errorAnswersByCode,
        int lost,
        int duplicated,
        int subscribersWithoutFinal,
        int subscribersWithTwoFinals,
        int duplicateDeliveries,
        int reconnects,
        Map<String, Integer> kills,
        Map<String, Integer> outages,
        List<Faults.Fault> faults,
        Map<String, Boolean> poisonOnDeadLetterQueue,
        Map<String, String> healthAtTheEnd,
        long recoveryBoundMs,
        Long worstRecoveryMs,
        Long medianRecoveryMs,
        int unrecovered,
        long startupMs,
        long durationMs,
        boolean passed) {

    static ChaosReport of(ChaosOptions o, List<Asker.Asked> asked, int notAccepted, Map<String, Integer> finals,
                          List<Faults.Fault> faults, Map<String, Boolean> poison, Map<String, String> health,
                          Duration duration,
                          Duration startup) {
        int lost = 0;
        int duplicated = 0;
        int answered = 0;
        int errors = 0;
        int withoutFinal = 0;
        int twoFinals = 0;
        int duplicateDeliveries = 0;
        int reconnects = 0;
        Map<String, Integer> errorCodes = new TreeMap<>();
        for (Asker.Asked a : asked) {
            int n = finals.getOrDefault(a.queryId, 0);
            lost += n == 0 ? 1 : 0;
            duplicated += n > 1 ? 1 : 0;
            answered += a.terminal != null ? 1 : 0;
            if (a.terminal != null && !a.answeredWell()) {
                errors++;
                errorCodes.merge(a.terminal.answer() == null ? "none" : a.terminal.answer().problem().code(), 1,
                        Integer::sum);
            }
            withoutFinal += a.terminal == null ? 1 : 0;
            twoFinals += a.finals > 1 ? 1 : 0;
            duplicateDeliveries += a.deliveries - a.events.size();
            reconnects += a.reconnects;
        }
        Map<String, Integer> kills = new TreeMap<>();
        Map<String, Integer> outages = new TreeMap<>();
        faults.forEach(f -> (f.kind().equals("kill") ? kills : outages).merge(f.target(), 1, Integer::sum));
        List<Long> recoveries = faults.stream().map(Faults.Fault::recoveryMs).filter(r -> r != null).sorted().toList();
        int unrecovered = faults.size() - recoveries.size();
        Long worst = recoveries.isEmpty() ? null : recoveries.getLast();
        Long median = recoveries.isEmpty() ? null : recoveries.get(recoveries.size() / 2);
        long bound = o.recoveryBound().toMillis();
        boolean passed = lost == 0 && duplicated == 0 && withoutFinal == 0 && twoFinals == 0 && unrecovered == 0
                && (worst == null || worst <= bound) && !asked.isEmpty() && !poison.containsValue(false)
                && health.values().stream().allMatch("UP"::equals);
        return new ChaosReport(o.profile(), o.recoveryFix(), o.seed(), o.questions(), asked.size(), notAccepted, answered,
                errors, errorCodes, lost, duplicated, withoutFinal, twoFinals, duplicateDeliveries, reconnects, kills,
                outages, faults, poison, health, bound, worst, median, unrecovered, startup.toMillis(), duration.toMillis(), passed);
    }

    /** One line: what was asked, what went wrong, how fast it recovered, and the verdict. */
    String summary() {
        return String.format(Locale.ROOT, "chaos %s: %d questions, %d accepted, %d lost, %d duplicated, %d subscribers "
                        + "without their FINAL, %d error answers; %d kills, %d outages; recovery worst %s, median %s "
                        + "(bound %.1f s, %d unrecovered); poison on the DLQ %d/%d: %s",
                profile, questions, accepted, lost, duplicated, subscribersWithoutFinal, errorAnswers,
                kills.values().stream().mapToInt(Integer::intValue).sum(),
                outages.values().stream().mapToInt(Integer::intValue).sum(), seconds(worstRecoveryMs),
                seconds(medianRecoveryMs), recoveryBoundMs / 1000.0, unrecovered,
                poisonOnDeadLetterQueue.values().stream().filter(b -> b).count(), poisonOnDeadLetterQueue.size(),
                passed ? "PASS" : "FAIL");
    }

    private static String seconds(Long ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
