package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.PrincipalResolver;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

/**
 * {@code POST /api/audit/replays}: an auditor starts a replay and follows it as Server-Sent Events ({@code progress},
 * then {@code report} or {@code error}); closing the stream stops the replay. Anyone else gets 404, as for an audit
 * record that is not theirs. The replay runs in a replay worker ({@link TopicReplays}); one replay is followed at a
 * time on an instance (429 while one runs); with the audit switched off on this gateway it is a 503.
 */
@RestController
class ReplayController {

    private final ObjectProvider<ReplayLauncher> launcher;
    private final AuditAccess access;
    private final PrincipalResolver principals;
    private final Semaphore running = new Semaphore(1);

    ReplayController(ObjectProvider<ReplayLauncher> launcher, ObjectProvider<AuditAccess> access,
                     PrincipalResolver principals) {
        this.launcher = launcher;
        this.access = access.getIfAvailable(() -> new AuditAccess(new AuditProperties(true, null, "roles", "auditor")));
        this.principals = principals;
    }

    @PostMapping(path = "/api/audit/replays", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<ReplayLauncher.Update>> start(@RequestBody(required = false) ReplayLauncher.Request request,
                                                             ServerWebExchange exchange) {
        return access.caller(exchange, principals)
                .flatMapMany(caller -> {
                    if (!caller.auditor()) {
                        return Flux.error(ProblemException.of(ErrorCode.NOT_FOUND, "No such resource."));
                    }
                    return launch(request, caller.name());
                });
    }

    private Flux<ServerSentEvent<ReplayLauncher.Update>> launch(ReplayLauncher.Request request, String caller) {
        ReplayLauncher replays = launcher.getIfAvailable();
        if (replays == null) {
            throw ProblemException.of(ErrorCode.UNAVAILABLE, "Replays need the audit, which is switched off on this "
                    + "gateway (dbchat.gateway.audit.enabled); 'dbchat replay' runs one from the command line.");
        }
        if (request == null) {
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, "A body with 'from' and 'to' is required.");
        }
        if (!running.tryAcquire()) {
            throw ProblemException.of(ErrorCode.RATE_LIMITED, "A replay is running on this instance; try again when it is done.");
        }
        try {
            return replays.start(request, caller)
                    .map(u -> ServerSentEvent.builder(u).event(u.type()).build())
                    .doFinally(signal -> running.release());
        } catch (IllegalArgumentException e) {
            running.release();
            throw ProblemException.of(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
    }
}
