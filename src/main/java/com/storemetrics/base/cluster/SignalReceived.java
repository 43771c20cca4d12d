package com.storemetrics.base.cluster;

/**
 * Another node sent a signal ({@link CrossNodeSignals#send}): published as an application event on
 * the thread that listens, so a feature's listener re-reads what the ids name and hands it to its
 * own broadcaster. Listeners must be quick: the next signal waits for them.
 */
public record SignalReceived(String topic, String body) {

    public boolean is(String wanted) {
        return topic.equals(wanted);
    }
}
