package com.storemetrics.metrics.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.Dashboard;
import com.storemetrics.metrics.InvalidPeriod;
import com.storemetrics.metrics.MetricsBroadcaster;
import com.storemetrics.metrics.MetricsImported;
import com.storemetrics.metrics.MetricsService;
import com.storemetrics.metrics.MetricsService.AppOption;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.Period;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
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
 * My Account > Store Metrics: the signed-in customer's Approved accounts' sales as Apple reported
 * them, against the previous period; followed live while history imports (base.live.LiveUpdates).
 */
@Route("my-account/store-metrics")
@PageTitle("Store Metrics | Storemetrics")
@Menu(title = "Store Metrics", order = 2, icon = "vaadin:chart")
@RolesAllowed(Roles.CUSTOMER)
public class StoreMetricsView extends VerticalLayout {

    /** The download's answer when the account was removed after the page opened. */
    static final String CSV_NO_LONGER_AVAILABLE = "These store metrics are no longer available to you: the App "
            + "Store Connect integration of this account was removed. Open Store Metrics again to see the accounts "
            + "you still have.";

    private final transient MetricsService metrics;
    // Built only when the customer has an Approved account: the empty state needs none of them.
    Select<MetricsAccount> account;
    /** A combo box, not a select: a select keeps a server-side item component per app (50 apps, 50 components). */
    ComboBox<AppOption> app;

    Select<Period> period;
    /** Made when "Custom" is first chosen: most customers never pick dates. */
    private CustomDays customDays;

    DatePicker customFrom;
    DatePicker customTo;
    /** The figures; hidden while the chosen days do not work, so none is taken for theirs. */
    Div content;

    private FlexLayout filters;
    private ImportState importState;
    ProgressBar progressBar;
    private FigureCards cards;
    SalesChart chart;
    BreakdownGrid byApp;
    BreakdownGrid byCountry;
    TopRows moreApps;
    TopRows moreCountries;
    Anchor export;
    /**
     * The filters of what is on screen, not the dashboard itself: an open view keeps only what its
     * components need (docs/benchmarks.md section 4), and the CSV reads the figures again.
     */
    private volatile Shown shown;
    /** Set once the customer has no Approved account left: the page shows how to connect one. */
    private boolean noAccounts;

    /** The account, app (null: all) and days on screen, and their names for the CSV. */
    record Shown(long accountId, String appKey, LocalDate from, LocalDate to, String accountName, String appLabel) {}

    public StoreMetricsView(MetricsService metrics, MetricsBroadcaster broadcaster, LiveUpdates live) {
        this.metrics = metrics;
        setId("store-metrics");
        List<MetricsAccount> accounts = metrics.myAccounts();
        if (accounts.isEmpty()) {
            showNoAccounts();
            return;
        }
        add(new H2("Store Metrics"));
        build();
        account.setItems(accounts);
        account.addValueChangeListener(change -> {
            List<AppOption> apps;
            try {
                apps = change.getValue() == null
                        ? List.of()
                        : metrics.apps(change.getValue().accountId());
            } catch (AccountNotApproved gone) {
                accountGone(change.getValue());
                return;
            }
            app.setItems(apps);
            app.clear();
            refresh();
        });
        app.addValueChangeListener(change -> refresh());
        period.addValueChangeListener(change -> {
            boolean custom = change.getValue() == Period.CUSTOM;
            if (custom && customDays == null) {
                customDays = new CustomDays(yesterday(), this::refresh);
                customFrom = customDays.from;
                customTo = customDays.to;
                filters.add(customFrom, customTo);
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
        app = new ComboBox<>();
        app.setLabel("App");
        // Empty means every app: the placeholder says so and the clear button returns to it.
        app.setPlaceholder("All apps");
        app.setClearButtonVisible(true);
        app.setItemLabelGenerator(AppOption::title);
        period = new Select<>();
        period.setId("metrics-period");
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        filters = new FlexLayout(account, app, period);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);

        importState = new ImportState();
        progressBar = importState.progressBar;
        cards = new FigureCards();
        chart = new SalesChart();
        byApp = new BreakdownGrid("App");
        byCountry = new BreakdownGrid("Country");
        moreApps = new TopRows("apps", "most downloads first", this::refresh);
        moreCountries = new TopRows("countries", "most downloads first", this::refresh);
        byCountry.setId("metrics-by-country");
        moreCountries.toggle.setId("metrics-by-country-all");
        export = new Anchor(
                new CsvDownload(this::csv, CSV_NO_LONGER_AVAILABLE, () -> accountGone(account.getValue())),
                AttachmentType.DOWNLOAD,
                "Download CSV");
        export.setId("export-csv");
        content = new Div(
                cards,
                new H3("Downloads and proceeds"),
                chart,
                new H3("By app"),
                byApp,
                moreApps,
                new H3("By country"),
                byCountry,
                moreCountries,
                export);
        content.setWidthFull();
        add(filters, importState, content);
    }

    /** The page of a customer without an Approved account: where to connect one. */
    private void showNoAccounts() {
        noAccounts = true;
        removeAll();
        AccountChoice.showNoAccounts(
                this,
                "Store Metrics",
                "metrics-empty",
                "Store metrics appear once an App Store Connect account of yours is "
                        + "Approved. Connect one on the Data Integration page; its last 30 days show here within a minute "
                        + "of approval, and a year of history follows.");
    }

    /**
     * The account on screen is no longer the customer's to see (its integration was removed after the
     * page opened): say so, and show the accounts that are left, or how to connect one.
     */
    void accountGone(MetricsAccount gone) {
        AccountChoice.accountGone(gone, metrics.myAccounts(), account, this::showNoAccounts);
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
        if (selected != null && batch.stream().anyMatch(update -> update.accountId() == selected.accountId())) {
            AppOption chosen = app.getValue();
            List<AppOption> apps;
            try {
                apps = metrics.apps(selected.accountId());
            } catch (AccountNotApproved gone) {
                accountGone(selected);
                return;
            }
            if (apps.size() != app.getListDataView().getItemCount()) {
                app.setItems(apps);
                app.setValue(
                        chosen == null
                                ? null
                                : apps.stream()
                                        .filter(a -> a.key().equals(chosen.key()))
                                        .findFirst()
                                        .orElse(null));
            }
            refresh();
        }
    }

    private LocalDate yesterday() {
        return metrics.lastReportDay();
    }

    /**
     * Reads the dashboard for the filters again and shows it. Days that do not work are marked on
     * their pickers and the figures are hidden meanwhile; an account that is no longer the
     * customer's is said to be gone.
     */
    void refresh() {
        MetricsAccount selected = noAccounts ? null : account.getValue();
        Period chosen = period.getValue();
        if (selected == null || chosen == null) {
            return;
        }
        boolean custom = chosen == Period.CUSTOM;
        if (custom && customDays.check(yesterday()).isPresent()) {
            content.setVisible(false);
            return;
        }
        LocalDate to = custom ? customTo.getValue() : yesterday();
        LocalDate from = custom ? customFrom.getValue() : chosen.firstDay(to);
        AppOption chosenApp = app.getValue();
        Shown query = new Shown(
                selected.accountId(),
                chosenApp == null ? null : chosenApp.key(),
                from,
                to,
                selected.name(),
                chosenApp == null ? "All apps" : chosenApp.title());
        Dashboard dashboard;
        try {
            dashboard = read(query);
        } catch (InvalidPeriod refused) {
            if (!custom) {
                throw refused; // a fixed period the service refuses is our fault, not the customer's
            }
            customDays.refused(refused.getMessage());
            content.setVisible(false);
            return;
        } catch (AccountNotApproved gone) {
            accountGone(selected);
            return;
        }
        content.setVisible(true);
        show(dashboard);
        shown = query;
    }

    /** The figures on screen as a file, read again for the download (see {@link CsvDownload}). */
    private CsvDownload.File csv() {
        Shown query = shown;
        return new CsvDownload.File(
                "store-metrics-" + query.from() + "-" + query.to() + ".csv",
                MetricsCsv.of(read(query), query.accountName(), query.appLabel()));
    }

    private Dashboard read(Shown query) {
        return metrics.dashboard(query.accountId(), query.appKey(), query.from(), query.to());
    }

    private void show(Dashboard dashboard) {
        String currency = dashboard.displayCurrency();
        importState.show(dashboard);
        cards.show(dashboard);
        chart.show(dashboard);
        byApp.show(moreApps.cut(dashboard.byApp()), currency);
        byCountry.show(moreCountries.cut(dashboard.byCountry()), currency);
    }

    /** The figures on screen now, read again (for tests). */
    Dashboard shown() {
        return read(shown);
    }
}
