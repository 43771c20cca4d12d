package com.storemetrics.appstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import com.storemetrics.base.NodeLocalState;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReporterClient.class);

    static final String SERVICE = "Apple's Sales and Trends service";
    static final String VERSION = "2.2";
    static final String MODE = "Robot.XML";

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Account and vendor numbers end up inside {@code queryInput}, whose arguments are comma-separated. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final int MAX_TOKEN_CHARS = 256;
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Apple's answer when it wants another report version: "... The latest version for this report is 1_1." */
    private static final Pattern LATEST_VERSION =
            Pattern.compile("(?i)latest version for this report is\\s*([0-9]{1,2}_[0-9]{1,2})");
    /** Sales summaries compress about tenfold; more than this unpacked is not a daily summary. */
    private static final int MAX_UNPACK_RATIO = 16;

    private final AppleEndpoints endpoints;
    private final AppleHttp http;
    private final AppStoreProperties properties;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * The Sales report version to ask for, or null to name none (Apple's default, 1_0). Learned
     * from Apple: it once insisted on another version for a while and then went back (2024).
     */
    private volatile String salesReportVersion;

    ReporterClient(
            AppStoreProperties properties, AppleEndpoints endpoints, AppleCallAccounting accounting, Clock clock) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.clock = clock;
        this.http = new AppleHttp(properties, AppleProtocol.REPORTER, SERVICE, accounting);
    }

    /** Forgets the report version Apple last insisted on: the next request names none again. */
    @Override
    public void clear() {
        salesReportVersion = null;
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
        Answer answer = ask(accessToken, null, "Sales.getAccounts", what, Accepted.SUCCESS);
        requireXml(answer, what);
        return read(what, () -> ReporterXml.accounts(answer.body()));
    }

    /** {@code Sales.getVendors} for one account. */
    public List<String> getVendors(String accessToken, String accountNumber) {
        String account = number(accountNumber, "account number");
        String what = "Sales.getVendors account " + account;
        Answer answer = ask(accessToken, account, "Sales.getVendors", what, Accepted.SUCCESS);
        requireXml(answer, what);
        return read(what, () -> ReporterXml.vendors(answer.body()));
    }

    /** {@code Sales.getReport, VENDOR,Sales,Summary,Daily,YYYYMMDD}; a day without sales is an empty report. */
    public SalesReport getDailySalesSummary(
            String accessToken, String accountNumber, String vendorNumber, LocalDate date) {
        String account = number(accountNumber, "account number");
        String vendor = number(vendorNumber, "vendor number");
        if (date == null) {
            throw new IllegalArgumentException("a report date is required");
        }
        String what = "Sales.getReport vendor " + vendor + " " + date;
        Answer answer = askReport(accessToken, account, vendor, date, what, Accepted.NO_SALES);
        if (answer.status() == 404) {
            return new SalesReport(vendor, date, List.of());
        }
        requireGzip(answer, what);
        long maxUnpacked = properties.maxResponseBytes().toBytes() * MAX_UNPACK_RATIO;
        return new SalesReport(vendor, date, read(what, () -> SalesSummaryTsv.parseGzip(answer.body(), maxUnpacked)));
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
        String account = number(accountNumber, "account number");
        String vendor = number(vendorNumber, "vendor number");
        if (date == null) {
            throw new IllegalArgumentException("a report date is required");
        }
        String what = "Sales.getReport vendor " + vendor + " " + date;
        Answer answer = askReport(accessToken, account, vendor, date, what, Accepted.NO_SALES_OR_NOT_YET);
        if (answer.status() == 404) {
            String message = ReporterXml.error(answer.body())
                    .map(ReporterXml.ReporterError::message)
                    .orElse("");
            return saysNotYet(message) ? DailySales.notYetAvailable(vendor, date) : DailySales.noSales(vendor, date);
        }
        requireGzip(answer, what);
        long maxUnpacked = properties.maxResponseBytes().toBytes() * MAX_UNPACK_RATIO;
        List<SalesRow> rows = read(what, () -> SalesSummaryTsv.parseGzip(answer.body(), maxUnpacked));
        if (rows.isEmpty()) {
            throw unexpected(
                    what,
                    "a report file with a header and no rows (Apple says \"no sales\" for a "
                            + "day without sales, so this file is damaged)");
        }
        return new DailySales(DailySales.Outcome.DATA, new SalesReport(vendor, date, rows));
    }

    /**
     * A daily Sales summary, in the report version Apple wants: when an answer names another
     * "latest version" than the one asked for, that version is asked for once more and from then on
     * (shared/design/metrics.md).
     */
    private Answer askReport(
            String accessToken, String account, String vendor, LocalDate date, String what, Accepted accepted) {
        String version = salesReportVersion;
        try {
            return ask(accessToken, account, reportCommand(vendor, date, version), what, accepted);
        } catch (OtherVersionNamed named) {
            if (named.version.equals(version)) {
                throw named.failure;
            }
            salesReportVersion = named.version;
            log.info("Apple names Sales report version {} as the latest; asking for it from now on", named.version);
            try {
                return ask(accessToken, account, reportCommand(vendor, date, named.version), what, accepted);
            } catch (OtherVersionNamed again) {
                throw again.failure;
            }
        }
    }

    private static String reportCommand(String vendor, LocalDate date, String version) {
        return "Sales.getReport, " + vendor + ",Sales,Summary,Daily," + REPORT_DATE.format(date)
                + (version == null ? "" : "," + version);
    }

    /** Apple refused a report and named the version it wants; carries the failure to throw if that does not help. */
    private static final class OtherVersionNamed extends RuntimeException {
        final String version;
        final transient AppleFailure failure;

        OtherVersionNamed(String version, AppleFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.version = version;
            this.failure = failure;
        }
    }

    private static boolean saysNotYet(String message) {
        return message.toLowerCase(Locale.ROOT).contains("not available yet");
    }

    /**
     * Sends one command, retrying while Apple is unavailable. Returns a 2xx answer, or the 404s that
     * {@code accepted} names; throws for everything else.
     */
    /** Which non-2xx answers a command takes as answers rather than failures. */
    private enum Accepted {
        SUCCESS,
        NO_SALES,
        NO_SALES_OR_NOT_YET
    }

    private Answer ask(String accessToken, String account, String command, String what, Accepted accepted) {
        byte[] form = form(token(accessToken), account, command);
        URI uri = URI.create(endpoints.reporterBase() + "/sales/v1");
        return http.withRetries(what, true, () -> {
            Answer answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .header("Accept", "application/xml, application/a-gzip, */*")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(form)),
                    what);
            if (answer.isSuccess()) {
                return answer;
            }
            Optional<ReporterXml.ReporterError> error = ReporterXml.error(answer.body());
            if (accepted != Accepted.SUCCESS
                    && answer.status() == 404
                    && error.map(ReporterClient::saysNoSales).orElse(false)) {
                return answer;
            }
            if (accepted == Accepted.NO_SALES_OR_NOT_YET
                    && answer.status() == 404
                    && error.map(e -> saysNotYet(e.message())).orElse(false)) {
                return answer;
            }
            AppleFailure failure = failure(answer, error, what, account);
            Optional<String> latest = command.startsWith("Sales.getReport")
                    ? error.map(e -> LATEST_VERSION.matcher(e.message()))
                            .filter(java.util.regex.Matcher::find)
                            .map(found -> found.group(1))
                    : Optional.empty();
            if (latest.isPresent()) {
                throw new OtherVersionNamed(latest.get(), failure);
            }
            throw failure;
        });
    }

    private static boolean saysNoSales(ReporterXml.ReporterError error) {
        return error.message().toLowerCase(Locale.ROOT).contains("no sales");
    }

    private AppleFailure failure(
            Answer answer, Optional<ReporterXml.ReporterError> error, String what, String account) {
        int status = answer.status();
        String appleSays = error.map(e -> AppleAnswers.quote(e.message())).orElse("");
        String detail = what + ": HTTP " + status
                + (error.isPresent()
                        ? " code " + AppleAnswers.quote(error.get().code()) + " \"" + appleSays + "\""
                        : "");
        if (status == 401) {
            return new AppleFailure(
                    Kind.UNAUTHORIZED,
                    "Apple did not accept the access token: it has expired, was "
                            + "replaced by a newer one, was revoked or has a typo (Apple does not say which). Generate a new "
                            + "one in App Store Connect > Sales and Trends > Reports.",
                    detail);
        }
        if (status == 403) {
            return new AppleFailure(Kind.FORBIDDEN, forbiddenMessage(appleSays, account), detail);
        }
        if (status == 429) {
            Optional<Duration> retryAfter = AppleAnswers.retryAfter(answer.header("Retry-After"), clock);
            return new AppleFailure(
                    Kind.RATE_LIMITED,
                    "Apple is limiting requests for this access token right now. "
                            + AppleAnswers.whenToRetry(retryAfter),
                    detail,
                    retryAfter.orElse(null),
                    null);
        }
        if (status >= 500) {
            return new AppleFailure(
                    Kind.UNAVAILABLE,
                    SERVICE + " is having problems (HTTP " + status + "). This is "
                            + "usually temporary: try again in a few minutes.",
                    detail);
        }
        String quoted = appleSays.isEmpty() ? "" : " Apple says: \"" + appleSays + "\"";
        return new AppleFailure(
                Kind.UNEXPECTED_ANSWER,
                SERVICE + " could not answer this request (HTTP " + status + ")." + quoted
                        + " If it keeps happening, contact support.",
                detail);
    }

    private static String forbiddenMessage(String appleSays, String account) {
        if (appleSays.toLowerCase(Locale.ROOT).contains("agreement")) {
            return "Apple refuses the reports because the account's agreements are missing or expired. The Account "
                    + "Holder must accept the latest agreements in App Store Connect > Business.";
        }
        String where = account == null ? "its accounts" : "account " + account;
        return "Apple says this access token's Apple ID may not see the sales reports of " + where + ". In App Store "
                + "Connect > Users and Access, the Account Holder or an Admin must give that Apple ID the Sales, "
                + "Finance or Admin role.";
    }

    private byte[] form(String accessToken, String account, String command) {
        ObjectNode request = json.createObjectNode();
        request.put("accesstoken", accessToken);
        request.put("version", VERSION);
        request.put("mode", MODE);
        if (account != null) {
            request.put("account", account);
        }
        request.put("queryInput", "[p=Reporter.properties, " + command + "]");
        try {
            return ("jsonRequest=" + URLEncoder.encode(json.writeValueAsString(request), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the jsonRequest", e);
        }
    }

    private static String token(String accessToken) {
        String token = accessToken == null ? "" : accessToken.trim();
        if (token.isEmpty()) {
            throw new AppleFailure(
                    Kind.MALFORMED_CREDENTIAL,
                    "Enter the access token from App Store Connect > Sales "
                            + "and Trends > Reports (About Reports > Generate Reporter Token).",
                    "access token blank");
        }
        if (token.length() > MAX_TOKEN_CHARS
                || token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new AppleFailure(
                    Kind.MALFORMED_CREDENTIAL,
                    "That is not a Sales and Trends access token: it has "
                            + "spaces or line breaks in it, or is far too long. Copy the token from App Store Connect > "
                            + "Sales and Trends > Reports again.",
                    "access token has whitespace or is too long");
        }
        return token;
    }

    private static String number(String value, String name) {
        String trimmed = value == null ? "" : value.trim();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "the " + name + " must be letters and digits, got \"" + AppleAnswers.quote(trimmed) + "\"");
        }
        return trimmed;
    }

    private static void requireXml(Answer answer, String what) {
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.contains("xml")) {
            throw unexpected(what, "content type " + type + " where XML was expected");
        }
    }

    private static void requireGzip(Answer answer, String what) {
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.contains("gzip") && !type.equals("application/octet-stream")) {
            throw unexpected(what, "content type " + type + " where a gzip report was expected");
        }
    }

    private static <T> T read(String what, Supplier<T> parser) {
        return AppleAnswers.read(SERVICE, what, parser);
    }

    private static AppleFailure unexpected(String what, String reason) {
        return AppleAnswers.unexpected(SERVICE, what, reason);
    }
}
