package com.storemetrics.appstore;

import java.io.IOException;

/** Thrown into the response future when an answer exceeds the cap; the connection is dropped. */
final class ResponseTooLarge extends IOException {
    ResponseTooLarge(long limit) {
        super("answer larger than " + limit + " bytes");
    }
}
