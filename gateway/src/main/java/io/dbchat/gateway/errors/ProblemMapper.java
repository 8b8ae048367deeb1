package io.dbchat.gateway.errors;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.gateway.replies.UnknownQueryException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps any failure of a request to an HTTP status and a {@link Problem}. A client's mistake maps to a 4xx
 * with a sentence it can act on; anything else to a 500 whose message reveals nothing of the server.
 */
final class ProblemMapper {

    private ProblemMapper() {
    }

    static ProblemException map(Throwable error, String method, String path) {
        return map(error, method, path, null);
    }

    /** {@code contentType} is the request's, named when it is the reason for a 415. */
    static ProblemException map(Throwable error, String method, String path, MediaType contentType) {
        return switch (error) {
            case ProblemException p -> p;
            case DataBufferLimitException e -> ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is too large.");
            case ServerWebInputException e -> invalidInput(e);
            case UnknownQueryException e -> ProblemException.of(ErrorCode.NOT_FOUND, e.getMessage() + ".");
            case MethodNotAllowedException e -> notAllowed(e, method, path);
            case UnsupportedMediaTypeStatusException e -> unsupported(e.getContentType());
            case ResponseStatusException e when e.getStatusCode().value() == 415 -> unsupported(contentType);
            case ResponseStatusException e -> byStatus(e, method, path);
            default -> ProblemException.of(ErrorCode.INTERNAL, "Internal error; the request could not be completed.");
        };
    }

    private static ProblemException unsupported(MediaType contentType) {
        return new ProblemException(415, ErrorCode.INVALID_REQUEST.problem("Unsupported content type "
                + (contentType == null ? "(none)" : contentType) + "; send the body as JSON with Content-Type: application/json."));
    }

    private static ProblemException notAllowed(MethodNotAllowedException e, String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAllow(e.getSupportedMethods());
        return new ProblemException(405, ErrorCode.INVALID_REQUEST.problem(
                "Method " + method + " is not allowed on " + path + "; allowed: " + e.getSupportedMethods() + "."), headers);
    }

    private static ProblemException invalidInput(ServerWebInputException e) {
        // the body could not be read (malformed JSON, wrong types) or a parameter did not convert
        String reason = e.getReason() == null ? "The request is not valid." : e.getReason();
        if (reason.startsWith("Failed to read HTTP message")) {
            String field = mistypedField(e);
            reason = field == null ? "The request body is not valid JSON of the expected shape."
                    : "The field '" + field + "' has the wrong type; see the API documentation at /v3/api-docs.";
        }
        return new ProblemException(400, ErrorCode.INVALID_REQUEST.problem(reason));
    }

    /** The JSON path of the value that had the wrong type ("query", "rows[2]"), or null when not a type mismatch. */
    private static String mistypedField(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                m.getPath().forEach(ref -> path.append(ref.getPropertyName() != null
                        ? (path.isEmpty() ? "" : ".") + ref.getPropertyName() : "[" + ref.getIndex() + "]"));
                return path.toString();
            }
        }
        return null;
    }

    private static ProblemException byStatus(ResponseStatusException e, String method, String path) {
        int status = e.getStatusCode().value();
        if (status == HttpStatus.NOT_FOUND.value()) {
            return ProblemException.of(ErrorCode.NOT_FOUND, "No such resource: " + method + " " + path + ".");
        }
        if (status == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
        }
        if (e.getStatusCode().is4xxClientError()) {
            String reason = e.getReason() == null ? "The request cannot be served." : e.getReason();
            return new ProblemException(status, ErrorCode.INVALID_REQUEST.problem(reason));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return ProblemException.of(ErrorCode.UNAVAILABLE, "The service is unavailable; try again shortly.");
        }
        return ProblemException.of(ErrorCode.INTERNAL, "Internal error; the request could not be completed.");
    }
}
