package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The Reporter's refusals in our failure vocabulary: by status first, then Apple's words. */
final class ReporterFailures {

    private ReporterFailures() {}

    static AppleFailure of(
            Answer answer, Optional<ReporterXml.ReporterError> error, String what, String account, Clock clock) {
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
            // Apple's 403s say why: the account's agreements (for the Account Holder to accept), or a
            // permission the Apple ID's role lacks (docs/apple-wire-contract.md, section 1).
            return ReporterExchange.saysAgreements(appleSays)
                    ? new AppleFailure(Kind.FORBIDDEN, forbiddenMessage(appleSays, account), detail)
                    : AppleFailure.roleRefused(forbiddenMessage(appleSays, account), detail);
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
                    ReporterExchange.SERVICE + " is having problems (HTTP " + status + "). This is "
                            + "usually temporary: try again in a few minutes.",
                    detail);
        }
        String quoted = appleSays.isEmpty() ? "" : " Apple says: \"" + appleSays + "\"";
        return new AppleFailure(
                Kind.UNEXPECTED_ANSWER,
                ReporterExchange.SERVICE + " could not answer this request (HTTP " + status + ")." + quoted
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
}
