package com.storemetrics.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Atmosphere's "track message length" framing of a push channel, decoded: every message the server
 * sends is {@code <length>|<message>}, where the length counts the message's characters (UTF-16
 * units, as JavaScript's {@code String.length} does). One WebSocket frame may hold several messages,
 * and one message may span several frames, so text is buffered until a message is complete. Not
 * thread-safe: a WebSocket delivers its frames one at a time.
 */
final class AtmosphereFraming {

    private final StringBuilder buffer = new StringBuilder();

    /** Appends received text and returns the messages it completed, in order. */
    List<String> append(CharSequence text) {
        buffer.append(text);
        List<String> messages = new ArrayList<>();
        while (true) {
            int bar = buffer.indexOf("|");
            if (bar < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(buffer.substring(0, bar));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("not Atmosphere's length framing: " + abbreviate(buffer.toString()), e);
            }
            if (length < 0) {
                throw new IllegalStateException("negative message length " + length);
            }
            if (buffer.length() < bar + 1 + length) {
                break;
            }
            messages.add(buffer.substring(bar + 1, bar + 1 + length));
            buffer.delete(0, bar + 1 + length);
        }
        return messages;
    }

    /** Characters received but not yet part of a complete message. */
    int pending() {
        return buffer.length();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
