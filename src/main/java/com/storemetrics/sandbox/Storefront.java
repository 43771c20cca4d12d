package com.storemetrics.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A storefront of the demo world: where customers buy, in which currency, with which VAT included
 * in the price, and how much it sells compared with the US ({@code weight} out of 40).
 *
 * @param prices price tiers 0..3 (0.99, 2.99, 4.99, 9.99 USD) as the storefront shows them
 */
record Storefront(String country, String currency, double vat, int decimals, double[] prices, int weight) {

    /** Heavier storefronts first: the US sells most. */
    static final List<Storefront> ALL = List.of(
            new Storefront("US", "USD", 0.0, 2, new double[] {0.99, 2.99, 4.99, 9.99}, 40),
            new Storefront("GB", "GBP", 0.20, 2, new double[] {0.99, 2.99, 4.99, 9.99}, 12),
            new Storefront("DE", "EUR", 0.19, 2, new double[] {0.99, 2.99, 4.99, 9.99}, 11),
            new Storefront("FR", "EUR", 0.20, 2, new double[] {0.99, 2.99, 4.99, 9.99}, 8),
            new Storefront("JP", "JPY", 0.10, 0, new double[] {160, 480, 800, 1600}, 9),
            new Storefront("CA", "CAD", 0.0, 2, new double[] {1.39, 3.99, 6.99, 13.99}, 6),
            new Storefront("AU", "AUD", 0.10, 2, new double[] {1.49, 4.49, 7.99, 14.99}, 6),
            new Storefront("CH", "CHF", 0.081, 2, new double[] {1.00, 3.00, 5.00, 10.00}, 3),
            new Storefront("BR", "BRL", 0.0, 2, new double[] {5.90, 16.90, 27.90, 54.90}, 5),
            new Storefront("MX", "MXN", 0.16, 2, new double[] {17.00, 49.00, 89.00, 179.00}, 4),
            new Storefront("IN", "INR", 0.18, 0, new double[] {89, 249, 449, 899}, 4),
            new Storefront("KR", "KRW", 0.10, 0, new double[] {1400, 4400, 7500, 14000}, 3),
            new Storefront("SA", "SAR", 0.15, 2, new double[] {3.99, 11.99, 18.99, 37.99}, 2));

    /** Apple keeps 30% of the price without VAT. */
    static final double STANDARD_SHARE = 0.70;
    /** Renewals after a year of paid service: Apple keeps 15% ("Rate After One Year"). */
    static final double AFTER_ONE_YEAR_SHARE = 0.85;

    /** Its sales compared with the US: 1.0 for the US, 0.05 for Saudi Arabia. */
    double share() {
        return weight / 40.0;
    }

    /** The price of a tier, written with the storefront's decimals. */
    BigDecimal price(int tier) {
        return round(BigDecimal.valueOf(prices[tier]));
    }

    BigDecimal round(BigDecimal amount) {
        return amount.setScale(decimals, RoundingMode.HALF_UP);
    }

    /**
     * A price the storefront would show for {@code factor} times a tier: ending in 9 where prices have
     * cents (23.99, 5.99, 0.49), in tens where they have none (3,840 yen).
     */
    BigDecimal priceOf(int tier, double factor) {
        double raw = prices[tier] * factor;
        if (decimals == 0) {
            return round(BigDecimal.valueOf(Math.max(10, Math.round(raw / 10.0) * 10)));
        }
        double shown = raw < 10 ? Math.max(0.3, Math.round(raw * 10) / 10.0) : Math.round(raw);
        return round(BigDecimal.valueOf(shown).subtract(new BigDecimal("0.01")));
    }

    /** Developer proceeds per unit, in the storefront's currency: the price without VAT times Apple's share. */
    BigDecimal proceeds(BigDecimal customerPrice, double developerShare) {
        if (customerPrice.signum() == 0) {
            return round(BigDecimal.ZERO);
        }
        return customerPrice
                .divide(BigDecimal.valueOf(1 + vat), 6, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(developerShare))
                .setScale(decimals, RoundingMode.HALF_UP);
    }

    int index() {
        return ALL.indexOf(this);
    }
}
