package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import com.storemetrics.appstore.ReporterExchange.Accepted;
import com.storemetrics.appstore.ReporterExchange.VersionedAnswer;
import com.storemetrics.base.NodeLocalState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Apple's Sales and Trends "Reporter" service over HTTP (see docs/apple-wire-contract.md, section 1).
 * Every method makes real HTTP calls to {@code storemetrics.apple.reporter-url} and throws
 * {@link AppleFailure} for every failure.
 *
 * <p>All commands only read, so each is retried on {@link Kind#UNAVAILABLE} (with back-off). The
 * access token travels only in the request body and is never logged.
 */
@Component
public class ReporterClient implements NodeLocalState {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Account and vendor numbers end up inside {@code queryInput}, whose arguments are comma-separated. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Daily reports compress about tenfold; more than this unpacked is not a daily report. */
    private static final int MAX_UNPACK_RATIO = 16;

    private final AppStoreProperties properties;
    private final ReporterExchange exchange;

    ReporterClient(
            AppStoreProperties properties, AppleEndpoints endpoints, AppleCallAccounting accounting, Clock clock) {
        this.properties = properties;
        this.exchange = new ReporterExchange(properties, endpoints, accounting, clock);
    }

    /** Forgets the report versions Apple last insisted on: the next requests name the defaults again. */
    @Override
    public void clear() {
        exchange.forgetLearnedVersions();
    }

    /**
     * Whether a text has the shape of a Sales and Trends access token (a UUID), so a form can tell it
     * from an API JWT before calling Apple. Apple alone decides whether it is valid.
     */
    public static boolean looksLikeAccessToken(String text) {
        return text != null && UUID_SHAPE.matcher(text.trim()).matches();
    }

    /** {@code Sales.getAccounts}: the accounts the token's Apple ID is a member of. */
    public List<ReporterAccount> getAccounts(String accessToken) {
        String what = "Sales.getAccounts";
        Answer answer = exchange.ask(accessToken, null, "Sales.getAccounts", what, Accepted.SUCCESS);
        ReporterExchange.requireXml(answer, what);
        return read(what, () -> ReporterXml.accounts(answer.body()));
    }

    /** {@code Sales.getVendors} for one account. */
    public List<String> getVendors(String accessToken, String accountNumber) {
        String account = number(accountNumber, "account number");
        String what = "Sales.getVendors account " + account;
        Answer answer = exchange.ask(accessToken, account, "Sales.getVendors", what, Accepted.SUCCESS);
        ReporterExchange.requireXml(answer, what);
        return read(what, () -> ReporterXml.vendors(answer.body()));
    }

    /** {@code Sales.getReport, VENDOR,Sales,Summary,Daily,YYYYMMDD}; a day without sales is an empty report. */
    public SalesReport getDailySalesSummary(
            String accessToken, String accountNumber, String vendorNumber, LocalDate date) {
        Request request = new Request(accountNumber, vendorNumber, date, ReporterReport.SALES);
        Answer answer = request.ask(accessToken, Accepted.NO_SALES).answer();
        if (answer.status() == 404) {
            return new SalesReport(request.vendor, date, List.of());
        }
        return new SalesReport(
                request.vendor, date, request.read(() -> SalesSummaryTsv.parseGzip(answer.body(), unpacked())));
    }

    /**
     * {@code Sales.getReport, VENDOR,Sales,Summary,Daily,YYYYMMDD} with its three answers told apart
     * (docs/metrics.md): a report with rows, "There were no sales for the date specified" (a real
     * zero) and "Report is not available yet" (not published: ask again later). Apple's status code
     * for the last is unconfirmed, so both 404s are told apart by their text. A report file without
     * a single row is not a zero day but unreadable ({@link Kind#UNEXPECTED_ANSWER}), because a gzip
     * defect has produced header-only files before. Every other answer throws {@link AppleFailure}.
     */
    public DailySales dailySales(String accessToken, String accountNumber, String vendorNumber, LocalDate date) {
        Request request = new Request(accountNumber, vendorNumber, date, ReporterReport.SALES);
        Answer answer = request.ask(accessToken, Accepted.NO_SALES_OR_NOT_YET).answer();
        if (answer.status() == 404) {
            return ReporterExchange.saysNotYet(ReporterExchange.message(answer))
                    ? DailySales.notYetAvailable(request.vendor, date)
                    : DailySales.noSales(request.vendor, date);
        }
        List<SalesRow> rows = request.read(() -> SalesSummaryTsv.parseGzip(answer.body(), unpacked()));
        request.requireRows(rows.isEmpty());
        return new DailySales(DailySales.Outcome.DATA, new SalesReport(request.vendor, date, rows));
    }

    /**
     * {@code Sales.getReport, VENDOR,Subscription,Summary,Daily,YYYYMMDD,VERSION}: the day's active
     * subscriptions (docs/apple-wire-contract.md, section 6), with the same three answers and rules
     * as {@link #dailySales}: "no sales" is a day without subscriptions, "not available yet" a day
     * not published (about two days after the day), a file without rows is unreadable, and a version
     * Apple refuses while naming another is asked again once in that one and from then on.
     */
    public DailySubscriptions dailySubscriptions(
            String accessToken, String accountNumber, String vendorNumber, LocalDate date) {
        Request request = new Request(accountNumber, vendorNumber, date, ReporterReport.SUBSCRIPTION);
        VersionedAnswer versioned = request.ask(accessToken, Accepted.NO_SALES_OR_NOT_YET);
        Answer answer = versioned.answer();
        if (answer.status() == 404) {
            SubscriptionReport none =
                    new SubscriptionReport(request.vendor, date, versioned.version(), List.of(), Set.of());
            return new DailySubscriptions(outcomeOf404(answer), none);
        }
        SubscriptionReportTsv.Parsed parsed =
                request.read(() -> SubscriptionReportTsv.parseGzip(answer.body(), unpacked()));
        request.requireRows(parsed.rows().isEmpty());
        return new DailySubscriptions(
                ReportOutcome.DATA,
                new SubscriptionReport(
                        request.vendor,
                        date,
                        versioned.version(),
                        parsed.rows(),
                        parsed.countColumns(),
                        parsed.unknownColumns()));
    }

    /**
     * {@code Sales.getReport, VENDOR,SubscriptionEvent,Summary,Daily,YYYYMMDD,VERSION}: the day's
     * subscription events, with the answers and rules of {@link #dailySubscriptions}; "no sales" is a
     * day without events.
     */
    public DailySubscriptionEvents dailySubscriptionEvents(
            String accessToken, String accountNumber, String vendorNumber, LocalDate date) {
        Request request = new Request(accountNumber, vendorNumber, date, ReporterReport.SUBSCRIPTION_EVENT);
        VersionedAnswer versioned = request.ask(accessToken, Accepted.NO_SALES_OR_NOT_YET);
        Answer answer = versioned.answer();
        if (answer.status() == 404) {
            SubscriptionEventReport none =
                    new SubscriptionEventReport(request.vendor, date, versioned.version(), List.of());
            return new DailySubscriptionEvents(outcomeOf404(answer), none);
        }
        SubscriptionEventTsv.Parsed parsed =
                request.read(() -> SubscriptionEventTsv.parseGzipWithColumns(answer.body(), unpacked()));
        request.requireRows(parsed.rows().isEmpty());
        return new DailySubscriptionEvents(
                ReportOutcome.DATA,
                new SubscriptionEventReport(
                        request.vendor, date, versioned.version(), parsed.rows(), parsed.unknownColumns()));
    }

    private static ReportOutcome outcomeOf404(Answer answer) {
        return ReporterExchange.saysNotYet(ReporterExchange.message(answer))
                ? ReportOutcome.NOT_YET_AVAILABLE
                : ReportOutcome.NO_SALES;
    }

    private long unpacked() {
        return unpacked(properties);
    }

    /** How much a report may unpack to: a cap against gzip bombs, shared with the finance client. */
    static long unpacked(AppStoreProperties properties) {
        return properties.maxResponseBytes().toBytes() * MAX_UNPACK_RATIO;
    }

    /** One daily report request: checked arguments, the answer, and reading it. */
    private final class Request {
        final String account;
        final String vendor;
        final LocalDate date;
        final ReporterReport report;
        final String what;

        Request(String accountNumber, String vendorNumber, LocalDate date, ReporterReport report) {
            this.account = number(accountNumber, "account number");
            this.vendor = number(vendorNumber, "vendor number");
            if (date == null) {
                throw new IllegalArgumentException("a report date is required");
            }
            this.date = date;
            this.report = report;
            this.what = "Sales.getReport " + report.reporterName() + " vendor " + vendor + " " + date;
        }

        VersionedAnswer ask(String accessToken, Accepted accepted) {
            VersionedAnswer answer = exchange.askReport(accessToken, account, report, vendor, date, what, accepted);
            if (answer.answer().isSuccess()) {
                ReporterExchange.requireGzip(answer.answer(), what);
            }
            return answer;
        }

        <T> T read(Supplier<T> parser) {
            return ReporterClient.read(what, parser);
        }

        void requireRows(boolean empty) {
            if (empty) {
                throw ReporterExchange.unexpected(
                        what,
                        "a report file with a header and no rows (Apple says \"no sales\" for a "
                                + "day without any, so this file is damaged)");
            }
        }
    }

    static String number(String value, String name) {
        String trimmed = value == null ? "" : value.trim();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "the " + name + " must be letters and digits, got \"" + AppleAnswers.quote(trimmed) + "\"");
        }
        return trimmed;
    }

    static <T> T read(String what, Supplier<T> parser) {
        return AppleAnswers.read(ReporterExchange.SERVICE, what, parser);
    }
}
