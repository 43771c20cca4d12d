package com.storemetrics.payments;

import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.SettledByApple;
import com.storemetrics.payments.PaymentsLedger.Month;
import com.storemetrics.payments.PaymentsLedger.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store Metrics' "settled by Apple" ({@link SettledByApple}): the stored Financial report totals of
 * the whole fiscal months within a period, per currency, only when every listed region of each of
 * them is settled, so a figure shown is never part of a month.
 */
@Component
@Transactional(readOnly = true)
class SettledMonths implements SettledByApple {

    private final PaymentsLedger ledger;
    private final FinanceAccessLedger access;

    SettledMonths(PaymentsLedger ledger, FinanceAccessLedger access) {
        this.ledger = ledger;
        this.access = access;
    }

    @Override
    public Optional<Settled> within(long accountId, LocalDate from, LocalDate to) {
        List<FiscalMonth> months = FiscalCalendar.monthsBetween(from, to).stream()
                .filter(month -> !month.start().isBefore(from) && !month.end().isAfter(to))
                .toList();
        boolean permitted = access.access(accountId)
                .map(FinanceAccessLedger.Access::isPermitted)
                .orElse(false);
        Map<String, List<String>> regions = permitted ? access.regions(accountId) : Map.of();
        if (months.isEmpty() || regions.isEmpty()) {
            return Optional.empty();
        }
        Map<PaymentsLedger.Key, Month> stored = ledger.months(accountId);
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (FiscalMonth month : months) {
            for (Map.Entry<String, List<String>> vendor : regions.entrySet()) {
                for (String region : vendor.getValue()) {
                    Month known = stored.get(
                            new PaymentsLedger.Key(vendor.getKey(), region, month.fiscalYear(), month.period()));
                    if (known == null || known.status() != Status.DATA && known.status() != Status.NO_SALES) {
                        return Optional.empty();
                    }
                    if (known.status() == Status.DATA) {
                        amounts.merge(known.currency(), known.settledAmount(), BigDecimal::add);
                    }
                }
            }
        }
        return Optional.of(new Settled(months, amounts));
    }
}
