package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final DemoWorld.AccountSeed PIXEL_FORGE = DemoWorld.ACCOUNTS.get(0);

    @Test
    void the_same_app_and_day_always_yield_the_same_lines() {
        LocalDate day = TODAY.minusDays(40);

        assertThat(summary(day)).isEqualTo(summary(day));
        // Independent of "today": a report of a past day does not change as time passes.
        assertThat(SalesLedger.dailySummary(PIXEL_FORGE.name(), PIXEL_FORGE.apps(), "85000001", day, TODAY.plusDays(9)))
                .isEqualTo(summary(day));
    }

    @Test
    void a_year_of_history_has_quiet_days_busy_days_and_refunds() {
        List<SalesLedger.SalesLine> year = new ArrayList<>();
        int quietDays = 0;
        for (int back = 0; back < 365; back++) {
            List<SalesLedger.SalesLine> day = summary(TODAY.minusDays(back));
            quietDays += day.isEmpty() ? 1 : 0;
            year.addAll(day);
        }

        assertThat(quietDays).isBetween(10, 80);
        assertThat(year).anyMatch(line -> Integer.parseInt(line.column("Units")) < 0);
        assertThat(year).anyMatch(line -> line.column("Product Type Identifier").equals("IAY"));
        assertThat(year).extracting(line -> line.column("Country Code")).contains("US", "GB", "DE", "JP");
    }

    @Test
    void a_year_has_every_product_type_bucket_in_several_currencies_with_parents_for_in_app_sales() {
        List<SalesLedger.SalesLine> year = new ArrayList<>();
        for (int back = 0; back < 365; back++) {
            year.addAll(summary(TODAY.minusDays(back)));
        }

        assertThat(year)
                .extracting(line -> line.column("Product Type Identifier"))
                .contains("1F", "3F", "7F", "IA1", "IAY", "IA3");
        assertThat(year.stream()
                        .map(line -> line.column("Currency of Proceeds"))
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(8);
        assertThat(year)
                .filteredOn(line -> line.column("Product Type Identifier").startsWith("IA"))
                .allMatch(line -> !line.column("Parent Identifier").isEmpty()
                        && !line.column("Parent Identifier").equals(line.column("SKU")));
        assertThat(year)
                .filteredOn(line -> !line.column("Product Type Identifier").startsWith("IA"))
                .allMatch(line -> line.column("Parent Identifier").isEmpty());
    }

    @Test
    void proceeds_are_per_unit_below_the_customer_price_in_the_storefronts_currency() {
        for (int back = 1; back < 60; back++) {
            for (SalesLedger.SalesLine line : summary(TODAY.minusDays(back))) {
                BigDecimal price = new BigDecimal(line.column("Customer Price"));
                BigDecimal proceeds = new BigDecimal(line.column("Developer Proceeds"));
                assertThat(proceeds).isLessThanOrEqualTo(price);
                if (price.signum() > 0) {
                    assertThat(proceeds.signum()).isPositive();
                }
                assertThat(line.column("Currency of Proceeds")).isEqualTo(line.column("Customer Currency"));
                if (line.column("Customer Currency").equals("JPY")) {
                    assertThat(line.column("Customer Price")).doesNotContain(".");
                }
                assertThat(line.values()).hasSize(SalesLedger.COLUMNS.size());
            }
        }
    }

    @Test
    void there_are_no_sales_before_the_history_or_after_today() {
        assertThat(summary(TODAY.plusDays(1))).isEmpty();
        assertThat(summary(TODAY.minusDays(SalesLedger.DAYS_OF_HISTORY))).isEmpty();
    }

    @Test
    void every_demo_app_has_a_unique_ten_digit_apple_id() {
        List<String> ids = DemoWorld.ACCOUNTS.stream()
                .flatMap(a -> a.apps().stream())
                .map(SandboxApp::appleId)
                .toList();

        assertThat(ids).hasSize(5 + 3 + 230 + 4).doesNotHaveDuplicates().allMatch(id -> id.matches("[1-9]\\d{9}"));
    }

    private static List<SalesLedger.SalesLine> summary(LocalDate day) {
        return SalesLedger.dailySummary(PIXEL_FORGE.name(), PIXEL_FORGE.apps(), "85000001", day, TODAY);
    }
}
