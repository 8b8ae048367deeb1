package io.dbchat.gateway.replies;

/** A subscriber fell behind by more than its buffer; it may resume from the last seq it received. */
public class SlowSubscriberException extends RuntimeException {

    public SlowSubscriberException(String message) {
        super(message, null, false, false);
    }
}
