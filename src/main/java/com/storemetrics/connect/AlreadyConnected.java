package com.storemetrics.connect;

/**
 * Finish found a live integration for one of the selected accounts (a double click, another tab,
 * or a colleague's session of the same customer); nothing was created.
 */
public class AlreadyConnected extends RuntimeException {

    public AlreadyConnected(String userMessage) {
        super(userMessage);
    }
}
