package com.storemetrics.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * An App Store Connect API error, answered as Apple's
 * {@code {"errors":[{"id","status","code","title","detail"}]}}.
 */
final class ApiError extends RuntimeException {

    static final String NOT_AUTHORIZED_TITLE = "Authentication credentials are missing or invalid.";
    static final String NOT_AUTHORIZED_DETAIL =
            "Provide a properly configured and signed bearer token, and make sure that it has not expired.";

    final HttpStatus status;
    final String code;
    final String title;
    final String detail;

    ApiError(HttpStatus status, String code, String title, String detail) {
        super(code + ": " + detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    static ApiError notAuthorized() {
        return new ApiError(HttpStatus.UNAUTHORIZED, "NOT_AUTHORIZED", NOT_AUTHORIZED_TITLE, NOT_AUTHORIZED_DETAIL);
    }

    static ApiError forbidden(String detail) {
        return new ApiError(
                HttpStatus.FORBIDDEN, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", detail);
    }

    /** The account's agreements are missing or expired (Apple's code; the title and detail are the sandbox's). */
    static ApiError agreementsMissing() {
        return new ApiError(
                HttpStatus.FORBIDDEN,
                "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED",
                "A required agreement is missing or has expired.",
                "This request requires an in-effect agreement that has not been signed or has expired.");
    }

    static ApiError invalidParameter(String detail) {
        return new ApiError(
                HttpStatus.BAD_REQUEST, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(HttpStatus.NOT_FOUND, "NOT_FOUND", "The specified resource does not exist", detail);
    }

    static ApiError entity(String code, String title, String detail) {
        return new ApiError(HttpStatus.CONFLICT, code, title, detail);
    }

    static ApiError rateLimited() {
        return new ApiError(
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMIT_EXCEEDED",
                "The request rate limit has been reached.",
                "We've received too many requests for this API. Please wait and try again or slow down your request rate.");
    }

    static ApiError unexpected() {
        return new ApiError(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "UNEXPECTED_ERROR",
                "An unexpected error occurred.",
                "An unexpected error occurred on the server side. If this issue continues, contact us at https://developer.apple.com/contact/.");
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", Integer.toString(status.value()));
        error.put("code", code);
        error.put("title", title);
        error.put("detail", detail);
        return Map.of("errors", List.of(error));
    }
}
