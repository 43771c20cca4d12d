package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Apple's Sales and Trends "Reporter" service over HTTP (see docs/apple-wire-contract.md, section 1).
 * Every method makes real HTTP calls to {@code storemetrics.apple.reporter-url} and throws
 * {@link AppleFailure} for every failure.
 */
@Component
public class ReporterClient {

    /** {@code Sales.getAccounts}: the accounts the token's Apple ID is a member of. */
    public List<ReporterAccount> getAccounts(String accessToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code Sales.getVendors} for one account. */
    public List<String> getVendors(String accessToken, String accountNumber) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code Sales.getReport, VENDOR,Sales,Summary,Daily,YYYYMMDD}; a day without sales is an empty report. */
    public SalesReport getDailySalesSummary(String accessToken, String accountNumber, String vendorNumber,
            LocalDate date) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
