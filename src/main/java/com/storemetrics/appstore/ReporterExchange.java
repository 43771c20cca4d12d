package com.storemetrics.appstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Reporter command over HTTP (docs/apple-wire-contract.md, section 1): the {@code jsonRequest}
 * form, retries while Apple is unavailable, Apple's XML errors turned into {@link AppleFailure}s,
 * and the report version Apple wants, learned per report type. The access token travels only in
 * the request body and is never logged.
 */
final class ReporterExchange {

    private static final Logger log = LoggerFactory.getLogger(ReporterExchange.class);

    static final String SERVICE = "Apple's Sales and Trends service";
    static final String VERSION = "2.2";
    static final String MODE = "Robot.XML";

    private static final int MAX_TOKEN_CHARS = 256;
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Apple's answer when it wants another report version: "... The latest version for this report is 1_1." */
    private static final Pattern LATEST_VERSION =
            Pattern.compile("(?i)latest version for this report is\\s*([0-9]{1,2}_[0-9]{1,2})");

    /** Which non-2xx answers a command takes as answers rather than failures. */
    enum Accepted {
        SUCCESS,
        NO_SALES,
        NO_SALES_OR_NOT_YET,
        /** A finance command: also a 403 for lack of role (not for agreements) is an answer. */
        SUCCESS_OR_NO_ROLE,
        /**
         * A Financial report: "no sales", "not available yet", a 403 for lack of role, and a 400 in
         * Apple's words (a region or period Apple refuses) are all answers.
         */
        FINANCIAL_REPORT
    }

    /** The Reporter's two endpoints: Sales and Trends, and Payments and Financial Reports. */
    enum Service {
        SALES("/sales/v1"),
        FINANCE("/finance/v1");

        private final String path;

        Service(String path) {
            this.path = path;
        }
    }

    private final AppleEndpoints endpoints;
    private final AppleHttp http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * The version to ask for per report, once Apple named another one than the default (it once
     * insisted on another Sales version for a while and then went back, 2024).
     */
    private final Map<ReporterReport, String> learnedVersions = new ConcurrentHashMap<>();

    ReporterExchange(
            AppStoreProperties properties, AppleEndpoints endpoints, AppleCallAccounting accounting, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
        this.http = new AppleHttp(properties, AppleProtocol.REPORTER, SERVICE, accounting);
    }

    /**
     * {@code Sales.getReport, VENDOR,TYPE,Summary,Daily,YYYYMMDD[,VERSION]} in the version Apple wants:
     * when an answer names another "latest version" than the one asked for, that version is asked
     * for once more and from then on (shared/design/metrics.md).
     */
    VersionedAnswer askReport(
            String accessToken,
            String account,
            ReporterReport report,
            String vendor,
            LocalDate date,
            String what,
            Accepted accepted) {
        String version = learnedVersions.getOrDefault(report, report.defaultVersion());
        try {
            return new VersionedAnswer(
                    ask(accessToken, account, reportCommand(report, vendor, date, version), what, accepted), version);
        } catch (OtherVersionNamed named) {
            if (named.version.equals(version)) {
                throw named.failure;
            }
            learnedVersions.put(report, named.version);
            log.info(
                    "Apple names {} report version {} as the latest; asking for it from now on",
                    report.reporterName(),
                    named.version);
            try {
                return new VersionedAnswer(
                        ask(accessToken, account, reportCommand(report, vendor, date, named.version), what, accepted),
                        named.version);
            } catch (OtherVersionNamed again) {
                throw again.failure;
            }
        }
    }

    /** A report's answer and the version its request named (null: none). */
    record VersionedAnswer(Answer answer, String version) {}

    void forgetLearnedVersions() {
        learnedVersions.clear();
    }

    private static String reportCommand(ReporterReport report, String vendor, LocalDate date, String version) {
        return "Sales.getReport, " + vendor + "," + report.reporterName() + ",Summary,Daily," + REPORT_DATE.format(date)
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

    /**
     * Sends one command, retrying while Apple is unavailable. Returns a 2xx answer, or the 404s that
     * {@code accepted} names; throws for everything else.
     */
    Answer ask(String accessToken, String account, String command, String what, Accepted accepted) {
        return ask(Service.SALES, accessToken, account, command, what, accepted);
    }

    /** {@link #ask(String, String, String, String, Accepted)} on either endpoint. */
    Answer ask(Service service, String accessToken, String account, String command, String what, Accepted accepted) {
        byte[] form = form(token(accessToken), account, command);
        URI uri = URI.create(endpoints.reporterBase() + service.path);
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
                    && accepted != Accepted.SUCCESS_OR_NO_ROLE
                    && answer.status() == 404
                    && error.map(e -> saysNoSales(e.message())).orElse(false)) {
                return answer;
            }
            if ((accepted == Accepted.NO_SALES_OR_NOT_YET || accepted == Accepted.FINANCIAL_REPORT)
                    && answer.status() == 404
                    && error.map(e -> saysNotYet(e.message())).orElse(false)) {
                return answer;
            }
            if ((accepted == Accepted.SUCCESS_OR_NO_ROLE || accepted == Accepted.FINANCIAL_REPORT)
                    && answer.status() == 403
                    && error.map(e -> !saysAgreements(e.message())).orElse(false)) {
                return answer;
            }
            if (accepted == Accepted.FINANCIAL_REPORT && answer.status() == 400 && error.isPresent()) {
                return answer;
            }
            AppleFailure failure = ReporterFailures.of(answer, error, what, account, clock);
            Optional<String> latest = command.startsWith("Sales.getReport")
                    ? error.map(e -> LATEST_VERSION.matcher(e.message()))
                            .filter(Matcher::find)
                            .map(found -> found.group(1))
                    : Optional.empty();
            if (latest.isPresent()) {
                throw new OtherVersionNamed(latest.get(), failure);
            }
            throw failure;
        });
    }

    /** Apple's "There were no sales for the date specified." (any case): a real zero. */
    static boolean saysNoSales(String message) {
        return message.toLowerCase(Locale.ROOT).contains("no sales");
    }

    /** A 403 about the account's agreements: a failure for the Account Holder to fix, not a missing role. */
    static boolean saysAgreements(String message) {
        return message.toLowerCase(Locale.ROOT).contains("agreement");
    }

    /** Apple's "Report is not available yet...": not published, ask again later. */
    static boolean saysNotYet(String message) {
        return message.toLowerCase(Locale.ROOT).contains("not available yet");
    }

    /** Apple's words in an error answer, or blank. */
    static String message(Answer answer) {
        return ReporterXml.error(answer.body())
                .map(ReporterXml.ReporterError::message)
                .orElse("");
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

    static void requireXml(Answer answer, String what) {
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.contains("xml")) {
            throw unexpected(what, "content type " + type + " where XML was expected");
        }
    }

    static void requireGzip(Answer answer, String what) {
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.contains("gzip") && !type.equals("application/octet-stream")) {
            throw unexpected(what, "content type " + type + " where a gzip report was expected");
        }
    }

    static AppleFailure unexpected(String what, String reason) {
        return AppleAnswers.unexpected(SERVICE, what, reason);
    }
}
