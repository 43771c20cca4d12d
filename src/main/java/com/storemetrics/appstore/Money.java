package com.storemetrics.appstore;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in one currency, as Apple's reports write it; amounts in different currencies are never added. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is three capital letters, got " + currency);
        }
    }

    /** This amount {@code count} times (proceeds are per unit in Apple's reports). */
    public Money times(int count) {
        return new Money(amount.multiply(BigDecimal.valueOf(count)), currency);
    }
}
