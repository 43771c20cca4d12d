package com.storemetrics.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.SalesProceeds;
import com.storemetrics.payments.PaymentsLedger.Key;
import com.storemetrics.payments.PaymentsLedger.Month;
import com.storemetrics.payments.PaymentsLedger.Status;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.Reason;
import com.storemetrics.payments.PaymentsOverview.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation of stored Financial report totals with Sales proceeds, without Spring: one line
 * per currency (regions of one currency together, never currencies together), and which of Apple's
 * documented reasons the neighbouring months support.
 */
class ReconciliationTest {

    private static final FiscalMonth OCTOBER = FiscalCalendar.month(2026, 1);
    private static final FiscalMonth NOVEMBER = OCTOBER.next();
    private static final FiscalMonth DECEMBER = NOVEMBER.next();

    @Test
    void regions_of_one_currency_are_one_line_and_currencies_are_never_added_together() {
        Map<Key, Month> stored = new HashMap<>();
        stored.put(key("US", NOVEMBER), data("US", NOVEMBER, "USD", "100.00", 10));
        stored.put(key("LL", NOVEMBER), data("LL", NOVEMBER, "USD", "20.50", 3));
        stored.put(key("EU", NOVEMBER), data("EU", NOVEMBER, "EUR", "7.00", 1));

        List<Line> lines = Reconciliation.published(
                NOVEMBER,
                Map.of("85000001", List.of("EU", "LL", "US")),
                stored,
                sales(NOVEMBER, Map.of("USD", "125.50", "EUR", "7.00", "JPY", "300")));

        assertThat(lines).extracting(Line::currency).containsExactly("EUR", "USD", "JPY");
        Line usd = lines.get(1);
        assertThat(usd.regions()).isEqualTo("LL, US");
        assertThat(usd.settled()).isEqualByComparingTo("120.50");
        assertThat(usd.units()).isEqualTo(13);
        assertThat(usd.estimate()).isEqualByComparingTo("125.50");
        assertThat(usd.difference()).isEqualByComparingTo("-5.00");
        assertThat(usd.status()).isEqualTo("Apple settled 5.00 USD less than the Sales estimate.");
        assertThat(usd.reasons()).containsExactly(Reason.values());
        assertThat(lines.get(0).difference()).isEqualByComparingTo("0");
        assertThat(lines.get(0).status()).isEqualTo("Apple settled exactly the Sales estimate.");
        assertThat(lines.get(0).reasons()).isEmpty();
        assertThat(lines.get(2).state()).isEqualTo(State.SALES_ONLY);
        assertThat(lines.get(2).settled()).isNull();
    }

    @Test
    void a_shortfall_carried_into_the_next_month_is_named_with_the_next_months_figure() {
        List<Line> lines = new ArrayList<>();
        lines.addAll(month(DECEMBER, "-1.00"));
        lines.addAll(month(NOVEMBER, "4.00"));
        lines.addAll(month(OCTOBER, "-4.00"));

        List<Line> explained = Evidence.of(lines);

        assertThat(explained.get(2).evidence())
                .containsExactly(
                        "The next month settled 4.00 USD more than its Sales days: consistent with sales at this"
                                + " month's end processed in the next month.",
                        "The previous month is not compared here: what moved from it does not show.",
                        "Only the report's rows tell the reasons apart; they are not stored yet.");
        assertThat(explained.get(1).evidence())
                .containsExactly(
                        "The next month settled 1.00 USD less than its Sales days: consistent with refunds at this"
                                + " month's end processed in the next month.",
                        "The previous month settled 4.00 USD less than its Sales days: consistent with its month-end"
                                + " sales processed in this month.",
                        "Only the report's rows tell the reasons apart; they are not stored yet.");
        assertThat(explained.get(0).evidence())
                .contains("The next month is not compared yet: what moved into it will show there.");
    }

    @Test
    void a_difference_no_neighbour_mirrors_points_to_an_adjustment_without_a_made_up_figure() {
        List<Line> lines = new ArrayList<>();
        lines.addAll(month(DECEMBER, "-2.00"));
        lines.addAll(month(NOVEMBER, "-3.00"));
        lines.addAll(month(OCTOBER, "-1.00"));

        assertThat(Evidence.of(lines).get(1).evidence())
                .containsExactly(
                        "Neither neighbouring month goes the other way: an adjustment processed this month (a tax"
                                + " adjustment or correction) is the likelier reason.",
                        "Only the report's rows tell the reasons apart; they are not stored yet.");
    }

    @Test
    void failed_not_yet_and_unread_regions_show_no_numbers() {
        Map<Key, Month> stored = new HashMap<>();
        stored.put(key("EU", NOVEMBER), failed("EU", "Apple's file is inconsistent: its totals do not match"));
        stored.put(
                key("GB", NOVEMBER),
                new Month(
                        1,
                        "85000001",
                        "GB",
                        2026,
                        2,
                        Status.NOT_YET,
                        null,
                        null,
                        null,
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        0,
                        "Apple: not available yet"));

        List<Line> lines = Reconciliation.published(
                NOVEMBER, Map.of("85000001", List.of("EU", "GB", "JP")), stored, sales(NOVEMBER, Map.of()));

        assertThat(lines).extracting(Line::state).containsExactly(State.FAILED, State.NOT_PUBLISHED, State.IMPORTING);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.settled()).isNull();
            assertThat(line.estimate()).isNull();
            assertThat(line.difference()).isNull();
        });
        assertThat(lines.get(0).status()).startsWith("Apple's file is inconsistent");
        assertThat(lines.get(2).status()).isEqualTo("Import under way: 0 of 1 report(s) of this currency read.");
    }

    private static List<Line> month(FiscalMonth month, String difference) {
        Map<Key, Month> stored = Map.of(key("US", month), data("US", month, "USD", "100", 1));
        BigDecimal estimate = new BigDecimal("100").subtract(new BigDecimal(difference));
        return Reconciliation.published(
                month,
                Map.of("85000001", List.of("US")),
                stored,
                sales(month, Map.of("USD", estimate.toPlainString())));
    }

    private static SalesProceeds.Days sales(FiscalMonth month, Map<String, String> proceeds) {
        int days = month.weeks() * 7;
        Map<String, BigDecimal> amounts = new HashMap<>();
        proceeds.forEach((currency, amount) -> amounts.put(currency, new BigDecimal(amount)));
        return new SalesProceeds.Days(month.start(), month.end(), days, days, amounts);
    }

    private static Key key(String region, FiscalMonth month) {
        return new Key("85000001", region, month.fiscalYear(), month.period());
    }

    private static Month data(String region, FiscalMonth month, String currency, String amount, long units) {
        return new Month(
                1,
                "85000001",
                region,
                month.fiscalYear(),
                month.period(),
                Status.DATA,
                currency,
                new BigDecimal(amount),
                units,
                1,
                Instant.EPOCH,
                null,
                0,
                null);
    }

    private static Month failed(String region, String note) {
        return new Month(
                1,
                "85000001",
                region,
                2026,
                2,
                Status.FAILED,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60),
                1,
                note);
    }
}
