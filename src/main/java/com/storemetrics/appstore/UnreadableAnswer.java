package com.storemetrics.appstore;

/** A parser's verdict that an answer is not what the protocol promises; the clients turn it into UNEXPECTED_ANSWER. */
final class UnreadableAnswer extends RuntimeException {

    UnreadableAnswer(String detail) {
        super(detail);
    }

    UnreadableAnswer(String detail, Throwable cause) {
        super(detail, cause);
    }
}
