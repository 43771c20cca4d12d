package com.storemetrics.rates;

import org.springframework.context.ApplicationContext;

/** What other features' tests need of the rates: an import from the sandbox's feed, as the recurring check runs it. */
public final class RatesFixture {

    private RatesFixture() {}

    /** Runs one check (the full history into an empty store) and says it fetched. */
    public static void importFromTheSandbox(ApplicationContext context) {
        RateImport.Outcome outcome = context.getBean(RateImport.class).check();
        if (outcome == RateImport.Outcome.FAILED) {
            throw new IllegalStateException("the sandbox's rate feed failed");
        }
    }
}
