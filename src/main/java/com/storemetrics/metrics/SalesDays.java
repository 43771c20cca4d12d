package com.storemetrics.metrics;

import com.storemetrics.appstore.DailySales;
import com.storemetrics.appstore.ReporterClient;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The daily Sales summary as the importer fetches it ({@code Sales.getReport, VENDOR,Sales,Summary,Daily}):
 * published the next morning; "no sales" is a stored zero; a day's lines replace what was stored.
 */
@Component
class SalesDays implements DailyReport {

    static final String NAME = "SALES";
    /** Apple publishes a day's Sales report the next day (about 5 am Pacific). */
    static final int LAG_DAYS = 1;

    private final ReporterClient reporter;
    private final SalesDayWriter writer;

    SalesDays(ReporterClient reporter, SalesDayWriter writer) {
        this.reporter = reporter;
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int lagDays() {
        return LAG_DAYS;
    }

    @Override
    public int requestsPerDay() {
        return 1;
    }

    @Override
    public Answer fetch(String serviceAccessToken, Day day, Instant now) {
        DailySales answer =
                reporter.dailySales(serviceAccessToken, day.accountNumber(), day.vendorNumber(), day.date());
        return switch (answer.outcome()) {
            case DATA ->
                store(DayStatus.DATA, day, SalesLines.of(answer.report().rows()));
            case NO_SALES -> store(DayStatus.NO_SALES, day, SalesLines.of(List.of()));
            case NOT_YET_AVAILABLE -> Answer.notYet();
        };
    }

    private Answer store(DayStatus status, Day day, SalesLines lines) {
        return Answer.published(
                status, () -> writer.replaceDay(day.accountId(), day.vendorNumber(), day.date(), lines), null);
    }
}
