package com.storemetrics.metrics;

/** A range of days the dashboard does not cover ({@link PeriodRules}); the message is for the customer. */
public class InvalidPeriod extends IllegalArgumentException {

    public InvalidPeriod(String message) {
        super(message);
    }
}
