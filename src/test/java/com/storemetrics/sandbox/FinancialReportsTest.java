package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Financial reports' settlement rule, month by month, against the daily Sales lines of the same
 * ledger: a region's report settles its currency's proceeds of the month's days, minus what moves to
 * the next month (late refunds, the Americas' last-day sales), plus what moved in from the previous
 * one, plus the quarter's tax adjustment in the Euro-zone. The HTTP-level check through our client
 * and the Sales endpoint is appstore's FinancialReportContractTest.
 */
class FinancialReportsTest {

    private static final DemoWorld.AccountSeed PIXEL_FORGE = account("100001");

    @Test
    void every_month_of_a_year_settles_the_months_sales_with_the_three_documented_differences() {
        SandboxWorld.AccountFacts facts = facts(PIXEL_FORGE);
        FiscalMonth month =
                FiscalCalendar.monthOf(LocalDate.now(ZoneOffset.UTC)).previous();
        boolean sawTax = false;
        boolean sawLateRefund = false;
        for (int i = 0; i < 13; i++, month = month.previous()) {
            Map<String, BigDecimal> expected = new HashMap<>();
            addDays(expected, facts, month.start(), month.end());
            BigDecimal deferredOut = addDeferred(expected, facts, month, -1);
            addDeferred(expected, facts, month.previous(), 1);
            sawLateRefund |= deferredOut.signum() != 0;
            for (Map.Entry<String, String> region : FinancialReports.REGION_BY_CURRENCY.entrySet()) {
                List<FinancialReports.Row> rows = FinancialReports.rows(facts, "85000001", region.getValue(), month);
                BigDecimal settled = rows.stream()
                        .map(FinancialReports.Row::extendedPartnerShare)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal tax = rows.stream()
                        .filter(row -> row.otherIdentifier().equals(FinancialReports.TAX_ADJUSTMENT))
                        .map(FinancialReports.Row::extendedPartnerShare)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (region.getValue().equals("EU") && month.period() % 3 == 0) {
                    assertThat(tax.signum()).as("tax adjustment in %s", month).isNegative();
                    sawTax = true;
                } else {
                    assertThat(tax.signum()).isZero();
                }
                assertThat(settled.subtract(tax))
                        .as("%s %s", month.name(), region.getValue())
                        .isEqualByComparingTo(expected.getOrDefault(region.getKey(), BigDecimal.ZERO));
                assertThat(rows).allSatisfy(row -> {
                    assertThat(row.partnerShare().signum()).isPositive();
                    assertThat(row.quantity()).isNotZero();
                    assertThat(row.salesOrReturn()).isEqualTo(row.quantity() < 0 ? "R" : "S");
                    assertThat(row.currency()).isEqualTo(region.getKey());
                });
            }
        }
        assertThat(sawTax).isTrue();
        assertThat(sawLateRefund).isTrue();
    }

    @Test
    void a_months_report_names_its_fiscal_month_and_ends_with_apples_three_trailer_lines() throws Exception {
        FiscalMonth month = FiscalCalendar.month(2026, 2);
        List<FinancialReports.Row> rows = FinancialReports.rows(facts(PIXEL_FORGE), "85000001", "US", month);

        List<String> lines = SandboxHttpTest.gunzip(FinancialReports.gzipTsv(rows, month))
                .lines()
                .toList();

        assertThat(lines.get(0).split("\t")).containsExactlyElementsOf(FinancialReports.COLUMNS);
        assertThat(lines.get(1)).startsWith("11/02/2025\t11/29/2025\t");
        assertThat(lines).hasSize(rows.size() + 4);
        BigDecimal total =
                rows.stream().map(FinancialReports.Row::extendedPartnerShare).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly(
                        "Total_Rows\t" + rows.size(),
                        "Total_Amount\t" + total.toPlainString(),
                        "Total_Units\t"
                                + rows.stream()
                                        .mapToInt(FinancialReports.Row::quantity)
                                        .sum());
        assertThat(FinancialReports.fileName("85000001", "US", month)).isEqualTo("85000001_1125_US.txt.gz");
    }

    /** Adds (sign 1) or removes (sign -1) what a month's days defer to the next month; returns the refunds deferred. */
    private static BigDecimal addDeferred(
            Map<String, BigDecimal> totals, SandboxWorld.AccountFacts facts, FiscalMonth month, int sign) {
        BigDecimal refunds = BigDecimal.ZERO;
        for (LocalDate day = month.end().minusDays(FinancialReports.LATE_REFUND_DAYS - 1L);
                !day.isAfter(month.end());
                day = day.plusDays(1)) {
            for (SalesLedger.SalesLine line : SalesLedger.dayLines(facts.name(), facts.apps(), "85000001", day)) {
                if (FinancialReports.deferred(line, day, month)) {
                    BigDecimal amount = amount(line).multiply(BigDecimal.valueOf(sign));
                    totals.merge(line.column("Currency of Proceeds"), amount, BigDecimal::add);
                    if (line.column("Units").startsWith("-")) {
                        refunds = refunds.add(amount);
                    }
                }
            }
        }
        return refunds;
    }

    private static void addDays(
            Map<String, BigDecimal> totals, SandboxWorld.AccountFacts facts, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (SalesLedger.SalesLine line : SalesLedger.dayLines(facts.name(), facts.apps(), "85000001", day)) {
                totals.merge(line.column("Currency of Proceeds"), amount(line), BigDecimal::add);
            }
        }
    }

    private static BigDecimal amount(SalesLedger.SalesLine line) {
        return new BigDecimal(line.column("Developer Proceeds")).multiply(new BigDecimal(line.column("Units")));
    }

    private static DemoWorld.AccountSeed account(String number) {
        return DemoWorld.ACCOUNTS.stream()
                .filter(a -> a.number().equals(number))
                .findFirst()
                .orElseThrow();
    }

    private static SandboxWorld.AccountFacts facts(DemoWorld.AccountSeed seed) {
        return new SandboxWorld.AccountFacts(seed.number(), seed.name(), seed.vendors(), seed.apps());
    }
}
