package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.FinancialReportAnswer.Outcome;
import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The finance client against the embedded sandbox over real HTTP: every answer of
 * {@code Finance.getReport} and {@code Finance.getVendorsAndRegions}, Apple's failures, and that a
 * fiscal month's files settle exactly the daily Sales proceeds of its days per currency, except for
 * the sandbox's documented differences (docs/sandbox.md, "Financial reports").
 */
class FinancialReportContractTest extends SandboxContract {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final String PIXEL_FORGE = "100001";
    private static final String VENDOR = "85000001";

    @Autowired
    FinanceReporterClient finance;

    @Test
    void the_latest_published_month_is_data_whose_totals_are_apples_trailer() {
        FiscalMonth month = latestPublished();

        FinancialReportAnswer answer = finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "US", month);

        assertThat(answer.outcome()).isEqualTo(Outcome.DATA);
        FinancialReport report = answer.report();
        assertThat(report.currency()).isEqualTo("USD");
        assertThat(report.month()).isEqualTo(month);
        assertThat(report.unknownColumns()).isEmpty();
        assertThat(report.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.currency()).isEqualTo("USD");
            assertThat(row.startDate()).isEqualTo(month.start());
            assertThat(row.partnerShare().signum()).isPositive();
        });
        assertThat(report.totalAmount())
                .isEqualByComparingTo(report.rows().stream()
                        .map(FinancialRow::extendedPartnerShare)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(report.totalAmount().signum()).isPositive();
    }

    @Test
    void the_current_month_is_not_available_yet_and_a_region_without_sales_has_no_sales() {
        FiscalMonth current = FiscalCalendar.monthOf(today());

        FinancialReportAnswer notYet = finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "US", current);
        FinancialReportAnswer none = finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "NO", latestPublished());

        assertThat(notYet.outcome()).isEqualTo(Outcome.NOT_YET_AVAILABLE);
        assertThat(notYet.appleSays()).contains("not available yet");
        assertThat(notYet.report()).isNull();
        assertThat(none.outcome()).isEqualTo(Outcome.NO_SALES);
        assertThat(none.appleSays()).contains("no sales");
    }

    @Test
    void a_member_without_the_finance_role_gets_an_answer_not_a_failure_until_given_it() {
        FiscalMonth month = latestPublished();

        FinancialReportAnswer refused = finance.financialReport(BOB_TOKEN, PIXEL_FORGE, VENDOR, "US", month);
        FinanceAccess access = finance.vendorsAndRegions(BOB_TOKEN, PIXEL_FORGE);

        assertThat(refused.outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(refused.appleSays()).contains("financial reports");
        assertThat(access.permitted()).isFalse();
        assertThat(access.appleSays()).contains("financial reports");

        sandbox.changeRoles(PIXEL_FORGE, "bob@pixelforge.example", "SALES", "FINANCE");

        assertThat(finance.financialReport(BOB_TOKEN, PIXEL_FORGE, VENDOR, "US", month)
                        .outcome())
                .isEqualTo(Outcome.DATA);
        assertThat(finance.vendorsAndRegions(BOB_TOKEN, PIXEL_FORGE).permitted())
                .isTrue();
    }

    @Test
    void a_region_apple_does_not_know_is_refused_in_apples_words_and_bad_arguments_never_leave() {
        FinancialReportAnswer refused =
                finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "XX", latestPublished());

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.appleSays()).contains("XX is not a region code");
        assertThatThrownBy(() -> finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "USA", latestPublished()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, "85000001,US", "US", latestPublished()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vendors_and_regions_lists_the_vendor_with_a_financial_report_per_region_currency() {
        FinanceAccess access = finance.vendorsAndRegions(ALICE_TOKEN, PIXEL_FORGE);

        assertThat(access.permitted()).isTrue();
        assertThat(access.vendors()).extracting(VendorRegions::vendor).containsExactly(VENDOR);
        assertThat(access.vendors().get(0).regions())
                .extracting(VendorRegions.Region::code)
                .containsExactly("US", "EU", "GB", "JP", "CA", "AU", "CH", "BR", "MX", "IN", "KR", "SA");
        assertThat(access.vendors().get(0).regions()).allMatch(VendorRegions.Region::hasFinancialReport);
    }

    @Test
    void apples_failures_stay_failures() {
        FiscalMonth month = latestPublished();
        assertFailure(
                () -> finance.financialReport(DANA_EXPIRED_TOKEN, "100004", "85000005", "US", month),
                Kind.UNAUTHORIZED,
                "access token");

        sandbox.fault("GARBAGE", 1, null);
        assertFailure(
                () -> finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "US", month),
                Kind.UNEXPECTED_ANSWER,
                "could not read");

        sandbox.fault("HTTP_500", 1, null);
        assertThat(finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "US", month)
                        .outcome())
                .as("one 500 is retried")
                .isEqualTo(Outcome.DATA);
    }

    @Test
    void a_file_whose_trailer_disagrees_with_its_rows_is_inconsistent_never_data() {
        FiscalMonth month = latestPublished();
        sandbox.fault("INCONSISTENT_TRAILER", 1, null);
        assertThat(finance.vendorsAndRegions(ALICE_TOKEN, PIXEL_FORGE).permitted())
                .as("other answers are untouched and do not count")
                .isTrue();

        AppleFailure failure = assertFailure(
                () -> finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "EU", month),
                Kind.UNEXPECTED_ANSWER,
                "Apple's file is inconsistent");

        assertThat(failure.getMessage()).contains("Total_Amount says");
        assertThat(finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, "EU", month)
                        .outcome())
                .as("the next file is whole again")
                .isEqualTo(Outcome.DATA);
    }

    /**
     * The heart of the sandbox's promise, through our clients over HTTP: for the month before the
     * latest published one, and for the latest quarter-closing month (which carries the EU tax
     * adjustment), every region's settled amount equals its currency's daily Sales proceeds of the
     * month, minus the refunds of its last three days and the US sales of its last day, plus those
     * of the previous month, plus the tax adjustment.
     */
    @Test
    void a_fiscal_months_files_settle_the_daily_sales_proceeds_except_the_documented_differences() {
        FiscalMonth latest = latestPublished();
        FiscalMonth quarterEnd = latest;
        while (quarterEnd.period() % 3 != 0) {
            quarterEnd = quarterEnd.previous();
        }
        Set<FiscalMonth> months = new LinkedHashSet<>(List.of(latest.previous(), quarterEnd));
        List<String> regions = finance.vendorsAndRegions(ALICE_TOKEN, PIXEL_FORGE).vendors().get(0).regions().stream()
                .map(VendorRegions.Region::code)
                .toList();
        for (FiscalMonth month : months) {
            Map<String, BigDecimal> expected = new HashMap<>();
            addSettledSales(expected, month.previous(), true);
            addSettledSales(expected, month, false);
            Map<String, BigDecimal> settled = new HashMap<>();
            Map<String, BigDecimal> tax = new HashMap<>();
            for (String region : regions) {
                FinancialReportAnswer answer = finance.financialReport(ALICE_TOKEN, PIXEL_FORGE, VENDOR, region, month);
                if (answer.outcome() == Outcome.NO_SALES) {
                    continue;
                }
                assertThat(answer.outcome()).as(region).isEqualTo(Outcome.DATA);
                FinancialReport report = answer.report();
                settled.merge(report.currency(), report.totalAmount(), BigDecimal::add);
                for (FinancialRow row : report.rows()) {
                    if (row.otherIdentifier().equals("TAX ADJUSTMENT")) {
                        tax.merge(report.currency(), row.extendedPartnerShare(), BigDecimal::add);
                    }
                }
            }
            if (month.period() % 3 == 0) {
                assertThat(tax).containsOnlyKeys("EUR");
                assertThat(tax.get("EUR").signum()).isNegative();
            } else {
                assertThat(tax).isEmpty();
            }
            expected.values().removeIf(amount -> amount.signum() == 0);
            assertThat(settled.keySet()).as(month.name()).isEqualTo(expected.keySet());
            for (Map.Entry<String, BigDecimal> currency : expected.entrySet()) {
                assertThat(settled.get(currency.getKey())
                                .subtract(tax.getOrDefault(currency.getKey(), BigDecimal.ZERO)))
                        .as("%s %s", month.name(), currency.getKey())
                        .isEqualByComparingTo(currency.getValue());
            }
        }
    }

    /**
     * Adds the daily Sales proceeds a month settles ({@code deferredOnly} false: all but what moves
     * to the next month) or passes on to the next one ({@code deferredOnly} true: only that).
     */
    private void addSettledSales(Map<String, BigDecimal> totals, FiscalMonth month, boolean deferredOnly) {
        LocalDate from = deferredOnly ? month.end().minusDays(2) : month.start();
        for (LocalDate day = from; !day.isAfter(month.end()); day = day.plusDays(1)) {
            DailySales sales = reporter.dailySales(ALICE_TOKEN, PIXEL_FORGE, VENDOR, day);
            assertThat(sales.outcome()).isNotEqualTo(DailySales.Outcome.NOT_YET_AVAILABLE);
            for (SalesRow row : sales.report().rows()) {
                boolean lateRefund =
                        row.units() < 0 && !day.isBefore(month.end().minusDays(2));
                boolean edgeSale = row.units() > 0
                        && day.equals(month.end())
                        && row.currencyOfProceeds().equals("USD");
                if ((lateRefund || edgeSale) == deferredOnly) {
                    totals.merge(
                            row.currencyOfProceeds(),
                            row.developerProceeds().multiply(BigDecimal.valueOf(row.units())),
                            BigDecimal::add);
                }
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PACIFIC));
    }

    /** The newest fiscal month Apple has published: from 5 am Pacific on its first Friday after. */
    private FiscalMonth latestPublished() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
        FiscalMonth month = FiscalCalendar.monthOf(now.toLocalDate());
        while (now.isBefore(month.expectedPublication().atTime(5, 0).atZone(PACIFIC))) {
            month = month.previous();
        }
        return month;
    }
}
