package com.storemetrics.notices;

/**
 * What one SMTP attempt came to. Only what certainly did not reach the server may be tried again;
 * what the server might have accepted is never sent twice.
 *
 * @param result what follows for the message
 * @param detail the server's answer or the failure, for support (never a secret)
 */
record SmtpOutcome(Result result, String detail) {

    enum Result {
        /** The server accepted the message (250 after the data). */
        SENT,
        /** Nothing was accepted and it may work later (server unreachable, 4xx answer): try again. */
        RETRY,
        /** The server refused it for good (5xx), or the address cannot be used: never try again. */
        FAILED,
        /** The connection broke while the message was being handed over: it may have been accepted. */
        UNKNOWN
    }

    static SmtpOutcome sent(String detail) {
        return new SmtpOutcome(Result.SENT, detail);
    }

    static SmtpOutcome retry(String detail) {
        return new SmtpOutcome(Result.RETRY, detail);
    }

    static SmtpOutcome failed(String detail) {
        return new SmtpOutcome(Result.FAILED, detail);
    }

    static SmtpOutcome unknown(String detail) {
        return new SmtpOutcome(Result.UNKNOWN, detail);
    }
}
