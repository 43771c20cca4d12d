package com.storemetrics.sandbox;

/**
 * The sandbox refuses an action of the control API or console: unknown thing, a conflict with the
 * world's state, or an invalid request. The message is meant for the person who asked.
 */
public class SandboxRefusal extends RuntimeException {

    public enum Reason {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Reason reason;

    SandboxRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
