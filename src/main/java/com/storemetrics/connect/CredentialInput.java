package com.storemetrics.connect;

import com.storemetrics.appstore.AppleFacts;
import java.util.regex.Pattern;

/**
 * What the text a customer pasted looks like, before anything is sent to Apple. Lenient on purpose:
 * anything that could be a Reporter access token is tried with Apple, which has the last word.
 */
final class CredentialInput {

    /** Longer than any real token or JWT; refusing it early keeps huge pastes away from Apple and logs. */
    static final int MAX_LENGTH = 4096;
    /** Apple's Issuer IDs are UUIDs (36 characters). */
    static final int MAX_ISSUER_ID = 64;
    /** Apple's Key IDs are 10 characters. */
    static final int MAX_KEY_ID = 32;
    /** A .p8 is about 250 bytes; the upload takes at most 16 KB. */
    static final int MAX_PRIVATE_KEY = 16 * 1024;
    /** Vendor numbers are 6 to 12 digits (plus room for surrounding spaces). */
    static final int MAX_VENDOR_NUMBER = 32;

    enum Shape {
        EMPTY,
        TOO_LONG,
        JWT,
        REPORTER_TOKEN,
        UNRECOGNISED
    }

    private static final Pattern REPORTER_TOKEN = Pattern.compile("[A-Za-z0-9-]{16,128}");
    /** The form Apple's access tokens have had so far (a UUID); others are still tried, Apple decides. */
    private static final Pattern USUAL_ACCESS_TOKEN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CredentialInput() {}

    /** Trims surrounding white space (pastes often carry a line break). */
    static String normalise(String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** Whether the token has the usual form of Apple's access tokens (for what a refusal most likely means). */
    static boolean looksLikeAppleAccessToken(String raw) {
        return USUAL_ACCESS_TOKEN.matcher(normalise(raw)).matches();
    }

    static Shape shapeOf(String raw) {
        String value = normalise(raw);
        if (value.isEmpty()) {
            return Shape.EMPTY;
        }
        if (value.length() > MAX_LENGTH) {
            return Shape.TOO_LONG;
        }
        if (AppleFacts.looksLikeJwt(value)) {
            return Shape.JWT;
        }
        if (REPORTER_TOKEN.matcher(value).matches()) {
            return Shape.REPORTER_TOKEN;
        }
        return Shape.UNRECOGNISED;
    }
}
