package com.storemetrics.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Apple's error JSON for whatever the API controllers refuse, with the key's budget in the headers. */
@RestControllerAdvice(
        assignableTypes = {ApiAppsController.class, ApiUsersController.class, ApiSalesReportsController.class})
@ConditionalOnSandbox
class ApiErrorAnswers {

    private final ApiGate gate;

    ApiErrorAnswers(ApiGate gate) {
        this.gate = gate;
    }

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Object> apiError(ApiError error, HttpServletRequest request) {
        return gate.error(error, request);
    }
}
