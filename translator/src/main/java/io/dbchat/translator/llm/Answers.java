package io.dbchat.translator.llm;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.TranslatorInfo;

/** The sentences a person reads when the language model could not be used. */
final class Answers {

    private Answers() {
    }

    static Problem providerFailure(ProviderException e, TranslatorInfo info) {
        String who = "The language model (" + info.label() + ")";
        return switch (e.status()) {
            case Failures.CIRCUIT_OPEN -> ErrorCode.UNAVAILABLE.problem(who
                    + " failed several times in a row, so I paused calling it. Please try again in a minute.");
            case Failures.RATE_LIMITED -> ErrorCode.RATE_LIMITED.problem(who
                    + " is refusing more requests for now (rate limited), even after retries. Please try again shortly.");
            case Failures.TIMEOUT -> ErrorCode.TIMEOUT.problem(who + " did not answer in time, even after retries.");
            case Failures.MALFORMED -> ErrorCode.UNTRANSLATABLE.problem(who
                    + " kept answering without a SQL query I could use. Try rephrasing the question.");
            case Failures.UNAVAILABLE -> ErrorCode.UNAVAILABLE.problem(who
                    + " is not answering (" + e.getMessage() + "), even after retries. Please try again later.");
            default -> ErrorCode.UNAVAILABLE.problem(who + " refused the request: " + e.getMessage());
        };
    }
}
