package com.storemetrics.subscriptions.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.InvalidPeriod;
import com.storemetrics.metrics.MetricsBroadcaster;
import com.storemetrics.metrics.MetricsImported;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.ui.AccountChoice;
import com.storemetrics.metrics.ui.CsvDownload;
import com.storemetrics.metrics.ui.CustomDays;
import com.storemetrics.security.Roles;
import com.storemetrics.subscriptions.SubscriptionChoice;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.storemetrics.subscriptions.SubscriptionService;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * My Account > Subscriptions: the signed-in customer's Approved accounts' subscriptions as Apple's
 * Subscription and Subscription Event reports state them, against the previous period; followed live
 * while history imports and as new days arrive. Definitions: docs/subscriptions.md.
 */
@Route("my-account/subscriptions")
@PageTitle("Subscriptions | Storemetrics")
@Menu(title = "Subscriptions", order = 3, icon = "vaadin:refresh")
@RolesAllowed(Roles.CUSTOMER)
public class SubscriptionsView extends VerticalLayout {

    /** The download's answer when the account was removed after the page opened. */
    static final String CSV_NO_LONGER_AVAILABLE = "These subscriptions are no longer available to you: the App "
            + "Store Connect integration of this account was removed. Open Subscriptions again to see the accounts "
            + "you still have.";

    private final transient SubscriptionService subscriptions;
    Select<MetricsAccount> account;
    /** A combo box: an account may name hundreds of subscriptions. Empty: all of them. */
    ComboBox<SubscriptionChoice> choice;

    Select<Period> period;
    private CustomDays customDays;
    private FlexLayout filters;
    SubscriptionFigures figures;
    Anchor export;
    /** What is on screen (not the figures: the CSV reads them again). */
    private volatile Shown shown;

    private boolean noAccounts;
    /** The choices offered now (an account's catalogue grows as its history is imported). */
    private List<SubscriptionChoice> choices = List.of();

    /** The account, choice (null: all) and days on screen, and their names for the CSV. */
    record Shown(
            long accountId,
            SubscriptionChoice choice,
            LocalDate from,
            LocalDate to,
            String accountName,
            String choiceLabel) {}

    public SubscriptionsView(SubscriptionService subscriptions, MetricsBroadcaster broadcaster, LiveUpdates live) {
        this.subscriptions = subscriptions;
        setId("subscriptions");
        List<MetricsAccount> accounts = subscriptions.myAccounts();
        if (accounts.isEmpty()) {
            showNoAccounts();
            return;
        }
        add(new H2("Subscriptions"));
        build();
        account.setItems(accounts);
        account.addValueChangeListener(change -> {
            if (change.getValue() != null && reloadChoices(change.getValue())) {
                choice.clear();
                refresh();
            }
        });
        choice.addValueChangeListener(change -> refresh());
        period.addValueChangeListener(change -> {
            boolean custom = change.getValue() == Period.CUSTOM;
            if (custom && customDays == null) {
                customDays = new CustomDays(subscriptions.lastReportDay(), this::refresh);
                filters.add(customDays.from, customDays.to);
            }
            if (customDays != null) {
                customDays.setVisible(custom);
            }
            refresh();
        });
        period.setValue(Period.LAST_30_DAYS);
        account.setValue(accounts.get(0));
        live.follow(this, sink -> subscribe(broadcaster, accounts, sink), this::imported, this::refresh);
    }

    private void build() {
        account = new Select<>();
        account.setLabel("Account");
        account.setItemLabelGenerator(MetricsAccount::name);
        choice = new ComboBox<>();
        choice.setLabel("App, group or subscription");
        choice.setPlaceholder("All subscriptions");
        choice.setClearButtonVisible(true);
        choice.setItemLabelGenerator(SubscriptionChoice::label);
        period = new Select<>();
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        filters = new FlexLayout(account, choice, period);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
        figures = new SubscriptionFigures(this::refresh);
        export = new Anchor(
                new CsvDownload(this::csv, CSV_NO_LONGER_AVAILABLE, () -> accountGone(account.getValue())),
                AttachmentType.DOWNLOAD,
                "Download CSV");
        export.setId("export-csv");
        figures.content.add(export);
        add(filters, figures);
    }

    private void showNoAccounts() {
        noAccounts = true;
        removeAll();
        AccountChoice.showNoAccounts(
                this,
                "Subscriptions",
                "subscriptions-empty",
                "Subscriptions appear once an App Store Connect account of yours is "
                        + "Approved. Connect one on the Data Integration page; its latest published day shows here within a "
                        + "minute of approval, and a year of history follows.");
    }

    /** The account on screen is no longer the customer's to see: say so, and show what is left. */
    void accountGone(MetricsAccount gone) {
        AccountChoice.accountGone(gone, subscriptions.myAccounts(), account, this::showNoAccounts);
    }

    /** The account's apps, groups and subscriptions as choices, keeping the one chosen; false when the account is gone. */
    private boolean reloadChoices(MetricsAccount selected) {
        List<SubscriptionChoice> choices;
        try {
            choices = subscriptions.choices(selected.accountId());
        } catch (AccountNotApproved gone) {
            accountGone(selected);
            return false;
        }
        SubscriptionChoice chosen = choice.getValue();
        if (!choices.equals(this.choices)) {
            this.choices = choices;
            choice.setItems(choices);
            choice.setValue(chosen != null && choices.contains(chosen) ? chosen : null);
        }
        return true;
    }

    private static Registration subscribe(
            MetricsBroadcaster broadcaster, List<MetricsAccount> accounts, Consumer<Numbered<MetricsImported>> sink) {
        List<Registration> registrations = new ArrayList<>();
        accounts.forEach(
                account -> registrations.add(broadcaster.registerForAccount(account.accountId(), sink::accept)));
        return () -> registrations.forEach(Registration::remove);
    }

    private void imported(List<MetricsImported> batch) {
        MetricsAccount selected = noAccounts ? null : account.getValue();
        if (selected != null
                && batch.stream().anyMatch(update -> update.accountId() == selected.accountId())
                && reloadChoices(selected)) {
            refresh();
        }
    }

    /** Reads the figures for the choices again and shows them. */
    void refresh() {
        MetricsAccount selected = noAccounts ? null : account.getValue();
        Period chosen = period.getValue();
        if (selected == null || chosen == null) {
            return;
        }
        LocalDate lastDay = subscriptions.lastReportDay();
        boolean custom = chosen == Period.CUSTOM;
        if (custom && customDays.check(lastDay).isPresent()) {
            figures.content.setVisible(false);
            return;
        }
        LocalDate to = custom ? customDays.to.getValue() : lastDay;
        LocalDate from = custom ? customDays.from.getValue() : chosen.firstDay(to);
        SubscriptionChoice what = choice.getValue();
        Shown query = new Shown(
                selected.accountId(),
                what,
                from,
                to,
                selected.name(),
                what == null ? "All subscriptions" : what.label());
        SubscriptionDashboard dashboard;
        try {
            dashboard = read(query);
        } catch (InvalidPeriod refused) {
            if (!custom) {
                throw refused;
            }
            customDays.refused(refused.getMessage());
            figures.content.setVisible(false);
            return;
        } catch (AccountNotApproved gone) {
            accountGone(selected);
            return;
        }
        figures.content.setVisible(true);
        figures.show(dashboard);
        shown = query;
    }

    /** The figures on screen as a file, read again for the download (see {@link CsvDownload}). */
    private CsvDownload.File csv() {
        Shown query = shown;
        return new CsvDownload.File(
                "subscriptions-" + query.from() + "-" + query.to() + ".csv",
                SubscriptionsCsv.of(read(query), query.accountName(), query.choiceLabel()));
    }

    private SubscriptionDashboard read(Shown query) {
        return subscriptions.dashboard(query.accountId(), query.choice(), query.from(), query.to());
    }

    /** The figures on screen now, read again (for tests). */
    SubscriptionDashboard shown() {
        return read(shown);
    }
}
