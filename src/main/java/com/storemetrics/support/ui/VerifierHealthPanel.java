package com.storemetrics.support.ui;

import com.storemetrics.base.ui.Times;
import com.storemetrics.support.SupportHealth;
import com.storemetrics.verification.VerifierStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;

/**
 * The verifier's health as support reads it: last cycle and what it found, last success, last
 * failure and its kind, consecutive failures, back-off, next run, and Apple requests in the last
 * hour against the budget. Shows what it is given; the view decides when to reload it.
 */
class VerifierHealthPanel extends Div {

    final Span lastCycle = value("health-last-cycle");
    final Span lastOutcome = value("health-last-outcome");
    final Span lastSuccess = value("health-last-success");
    final Span lastFailure = value("health-last-failure");
    final Span consecutiveFailures = value("health-consecutive-failures");
    final Span backoff = value("health-backoff");
    final Span nextRun = value("health-next-run");
    final Span appleRequests = value("health-apple-requests");
    final ProgressBar budget = new ProgressBar(0, 1);
    private final Div backoffRow;

    VerifierHealthPanel(Button recheck) {
        setId("verifier-health");
        addClassNames(
                LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM,
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL);
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Verifier health");
        setMaxWidth("40rem");
        H3 title = new H3("Verifier");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        Div header = new Div(title, recheck);
        header.addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.JustifyContent.BETWEEN,
                LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.MEDIUM);
        lastOutcome.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        budget.getElement().setAttribute("aria-label", "Share of Apple's hourly request budget used");
        backoffRow = row("Backing off until", backoff);
        add(
                header,
                row("Last cycle", new Div(lastCycle, new Div(lastOutcome))),
                row("Last success", lastSuccess),
                row("Last failure", lastFailure),
                row("Consecutive failures", consecutiveFailures),
                backoffRow,
                row("Next scheduled run", nextRun),
                row("Apple requests, last hour", new Div(appleRequests, budget)));
    }

    void show(SupportHealth health) {
        VerifierStatus status = health.verifier();
        lastCycle.setText(
                status.lastRunAt() == null
                        ? "No cycle yet"
                        : Times.second(status.lastRunAt(), "") + " (cycle " + status.cycles() + ")");
        lastOutcome.setText(status.lastOutcome() == null ? "" : status.lastOutcome());
        lastSuccess.setText(Times.second(status.lastSuccessAt(), "Never"));
        lastFailure.setText(
                status.lastFailureAt() == null
                        ? "None"
                        : Times.second(status.lastFailureAt(), "") + " · " + status.lastFailureKind()
                                + (status.lastFailureMessage() == null ? "" : " · " + status.lastFailureMessage()));
        consecutiveFailures.setText(Integer.toString(status.consecutiveFailures()));
        consecutiveFailures.getElement().getThemeList().set("badge", status.consecutiveFailures() > 0);
        consecutiveFailures.getElement().getThemeList().set("error", status.consecutiveFailures() > 0);
        backoffRow.setVisible(status.backoffUntil() != null);
        backoff.setText(Times.second(status.backoffUntil(), ""));
        nextRun.setText(Times.second(status.nextRunAt(), "Not scheduled"));
        appleRequests.setText(String.format(
                Locale.UK,
                "%,d of %,d (Reporter %,d · API %,d)",
                health.requestsLastHour(),
                health.hourlyBudget(),
                health.reporterRequestsLastHour(),
                health.apiRequestsLastHour()));
        budget.setValue(health.budgetShare());
        budget.removeThemeVariants(ProgressBarVariant.LUMO_ERROR, ProgressBarVariant.LUMO_CONTRAST);
        if (health.budgetShare() >= 0.9) {
            budget.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        } else if (health.budgetShare() >= 0.5) {
            budget.addThemeVariants(ProgressBarVariant.LUMO_CONTRAST);
        }
    }

    private static Span value(String id) {
        Span span = new Span();
        span.setId(id);
        return span;
    }

    private static Div row(String label, Component value) {
        Span name = new Span(label);
        name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        name.setMinWidth("13rem");
        Div row = new Div(name, value);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.FontSize.SMALL);
        return row;
    }
}
