package com.storemetrics.subscriptions;

/** Apple's texts as the tables keep them: trimmed, and cut to the column's width (never null). */
final class Texts {

    private Texts() {}

    static String clip(String text, int max) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
