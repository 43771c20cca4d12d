package com.storemetrics.metrics.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.live.SessionUser;
import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import com.storemetrics.metrics.MetricsBroadcaster;
import com.storemetrics.metrics.MetricsImported;
import com.storemetrics.metrics.MetricsService;
import com.storemetrics.metrics.MetricsService.AppOption;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.ReportDays;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * My Account > Store Metrics: the signed-in customer's Approved accounts' sales as Apple reported
 * them, against the previous period; followed live while history imports (base.live.LiveUpdates).
 */
@Route("my-account/store-metrics")
@PageTitle("Store Metrics | Storemetrics")
@Menu(title = "Store Metrics", order = 2, icon = "vaadin:chart")
@RolesAllowed(Roles.CUSTOMER)
public class StoreMetricsView extends VerticalLayout {

    private final transient MetricsService metrics;
    private final transient Clock clock;
    // Built only when the customer has an Approved account: the empty state needs none of them.
    Select<MetricsAccount> account;
    /** A combo box, not a select: a select keeps a server-side item component per app (50 apps, 50 components). */
    ComboBox<AppOption> app;

    Select<Period> period;
    /** Made when "Custom" is first chosen: most customers never pick dates. */
    DatePicker customFrom;

    DatePicker customTo;
    private FlexLayout filters;
    Paragraph freshness;
    Span progressText;
    ProgressBar progressBar;
    Div progress;
    // The figure cards, built once; a refresh sets their texts.
    private MetricCard downloads;
    private MetricCard redownloads;
    private MetricCard updates;
    private MetricCard inApp;
    private MetricCard proceeds;
    private MetricCard refunds;
    Paragraph currencyNote;
    SalesChart chart;
    BreakdownGrid byApp;
    BreakdownGrid byCountry;
    Anchor export;
    /**
     * The filters of what is on screen, not the dashboard itself: an open view keeps only what its
     * components need (docs/benchmarks.md section 4), and the CSV reads the figures again.
     */
    private Shown shown;

    /** The account, app (null: all) and days on screen, and their names for the CSV. */
    record Shown(long accountId, String appKey, LocalDate from, LocalDate to, String accountName, String appLabel) {}

    public StoreMetricsView(MetricsService metrics, MetricsBroadcaster broadcaster, LiveUpdates live, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        setId("store-metrics");
        SessionUser viewer = SessionUser.current();
        add(new H2("Store Metrics"));
        List<MetricsAccount> accounts = metrics.myAccounts();
        if (accounts.isEmpty()) {
            Paragraph empty = new Paragraph("Store metrics appear once an App Store Connect account of yours is "
                    + "Approved. Connect one on the Data Integration page; its last 30 days show here within a minute "
                    + "of approval, and a year of history follows.");
            empty.setId("metrics-empty");
            Anchor link = new Anchor("my-account/data-integration", "Go to Data Integration");
            link.setId("to-data-integration");
            add(empty, link);
            return;
        }
        build();
        account.setItems(accounts);
        account.addValueChangeListener(change -> {
            List<AppOption> apps = change.getValue() == null
                    ? List.of()
                    : metrics.apps(change.getValue().accountId());
            app.setItems(apps);
            app.clear();
            refresh();
        });
        app.addValueChangeListener(change -> refresh());
        period.addValueChangeListener(change -> {
            boolean custom = change.getValue() == Period.CUSTOM;
            if (custom && customFrom == null) {
                addDatePickers();
            }
            if (customFrom != null) {
                customFrom.setVisible(custom);
                customTo.setVisible(custom);
            }
            refresh();
        });
        period.setValue(Period.LAST_30_DAYS);
        account.setValue(accounts.get(0));

        live.follow(this, viewer, sink -> subscribe(broadcaster, accounts, sink), this::imported, this::refresh);
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
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        filters = new FlexLayout(account, app, period);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);

        freshness = new Paragraph();
        freshness.setId("freshness");
        freshness.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        progressText = new Span();
        progressText.setId("import-progress-text");
        progressBar = new ProgressBar();
        progressBar.setMin(0);
        progressBar.setMax(1);
        progressBar.getElement().setAttribute("aria-labelledby", "import-progress-text");
        progress = new Div(progressText, progressBar);
        progress.setId("import-progress");
        progress.addClassNames(LumoUtility.Width.FULL);
        FlexLayout cardRow = new FlexLayout();
        cardRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cardRow.addClassNames(LumoUtility.Gap.MEDIUM);
        cardRow.setId("metric-cards");
        downloads = new MetricCard("downloads", "Downloads");
        redownloads = new MetricCard("redownloads", "Re-downloads");
        updates = new MetricCard("updates", "Updates");
        inApp = new MetricCard("iap", "In-app purchases & subscriptions");
        proceeds = new MetricCard("proceeds", "Proceeds (estimated)");
        refunds = new MetricCard("refunds", "Refunds");
        cardRow.add(downloads, redownloads, updates, inApp, proceeds, refunds);
        currencyNote = new Paragraph();
        currencyNote.setId("currency-note");
        currencyNote.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        chart = new SalesChart();
        byApp = new BreakdownGrid("App");
        byCountry = new BreakdownGrid("Country");
        export = new Anchor();
        export.setText("Download CSV");
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);
        Div content = new Div(
                cardRow,
                currencyNote,
                new H3("Downloads and proceeds"),
                chart,
                new H3("By app"),
                byApp,
                new H3("By country"),
                byCountry,
                export);
        content.setWidthFull();
        add(filters, freshness, progress, content);
    }

    private void addDatePickers() {
        customFrom = new DatePicker("From");
        customTo = new DatePicker("To");
        customTo.setValue(yesterday());
        customFrom.setValue(yesterday().minusDays(13));
        customFrom.addValueChangeListener(change -> refresh());
        customTo.addValueChangeListener(change -> refresh());
        filters.add(customFrom, customTo);
    }

    private static Registration subscribe(
            MetricsBroadcaster broadcaster,
            List<MetricsAccount> accounts,
            java.util.function.Consumer<MetricsImported> sink) {
        List<Registration> registrations = new ArrayList<>();
        accounts.forEach(
                account -> registrations.add(broadcaster.registerForAccount(account.accountId(), sink::accept)));
        return () -> registrations.forEach(Registration::remove);
    }

    private void imported(List<MetricsImported> batch) {
        MetricsAccount selected = account.getValue();
        if (selected != null && batch.stream().anyMatch(update -> update.accountId() == selected.accountId())) {
            AppOption chosen = app.getValue();
            List<AppOption> apps = metrics.apps(selected.accountId());
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
        return ReportDays.today(clock).minusDays(1);
    }

    /** Reads the dashboard for the filters again and shows it. */
    void refresh() {
        MetricsAccount selected = account.getValue();
        Period chosen = period.getValue();
        if (selected == null || chosen == null) {
            return;
        }
        LocalDate to = chosen == Period.CUSTOM ? customTo.getValue() : yesterday();
        LocalDate from = chosen == Period.CUSTOM ? customFrom.getValue() : chosen.firstDay(to);
        if (from == null || to == null || to.isBefore(from)) {
            return;
        }
        AppOption chosenApp = app.getValue();
        Shown query = new Shown(
                selected.accountId(),
                chosenApp == null ? null : chosenApp.key(),
                from,
                to,
                selected.name(),
                chosenApp == null ? "All apps" : chosenApp.title());
        show(read(query));
        if (shown == null || !shown.from().equals(from) || !shown.to().equals(to)) {
            export.setHref(new StreamResource(
                    "store-metrics-" + from + "-" + to + ".csv", (out, session) -> out.write(csv())));
        }
        shown = query;
    }

    private Dashboard read(Shown query) {
        return metrics.dashboard(query.accountId(), query.appKey(), query.from(), query.to());
    }

    private void show(Dashboard dashboard) {
        String currency = dashboard.displayCurrency();
        freshness.setText(
                dashboard.publishedUpTo() == null
                        ? "Apple has not published any day of this account yet."
                        : "Apple has published up to " + Figures.DAY.format(dashboard.publishedUpTo())
                                + (dashboard.unreportedDays() > 0
                                        ? ". " + dashboard.unreportedDays()
                                                + " day(s) of this period are not reported yet."
                                        : "."));
        Dashboard.Progress state = dashboard.progress();
        progress.setVisible(!state.complete());
        progressText.setText(
                state.active()
                        ? "Importing history: " + state.daysDone() + " of " + state.daysTotal() + " days"
                                + (state.lastFailure() == null ? "" : " (retrying after: " + state.lastFailure() + ")")
                        : "History import stopped at " + state.daysDone() + " of " + state.daysTotal()
                                + " days: no Approved integration of this account is left.");
        progressBar.setValue(state.daysDone() / (double) state.daysTotal());

        Dashboard.Totals now = dashboard.current();
        Dashboard.Totals before = dashboard.previous();
        downloads.show(now.units(Bucket.DOWNLOADS), before.units(Bucket.DOWNLOADS));
        redownloads.show(now.units(Bucket.REDOWNLOADS), before.units(Bucket.REDOWNLOADS));
        updates.show(now.units(Bucket.UPDATES), before.units(Bucket.UPDATES));
        inApp.show(now.inAppAndSubscriptions(), before.inAppAndSubscriptions());
        proceeds.show(
                Figures.money(now.estimated(), currency),
                now.estimated().doubleValue(),
                before.estimated().doubleValue());
        refunds.show(now.refunds(), before.refunds());
        currencyNote.setText("Proceeds are estimated in " + currency + " with the exchange rates of "
                + Figures.DAY.format(dashboard.ratesDate()) + "; exact amounts per currency are in the tables."
                + (now.unconverted().isEmpty()
                        ? ""
                        : " Not in the estimate (no exchange rate): "
                                + String.join(", ", now.unconverted()) + ", shown in its own currency: "
                                + now.unconverted().stream()
                                        .map(c -> Figures.money(now.proceeds().getOrDefault(c, BigDecimal.ZERO), c))
                                        .reduce((a, b) -> a + ", " + b)
                                        .orElse("")
                                + "."));
        chart.show(dashboard);
        byApp.show(dashboard.byApp(), currency);
        byCountry.show(dashboard.byCountry(), currency);
    }

    /**
     * The CSV of the filters on screen, read again when the link is pressed (on that request's
     * thread, as the signed-in customer): a download is rare, and holding every open view's figures
     * for it would add to what every open view weighs. A live import refreshes the screen too, so
     * the file and the screen agree.
     */
    private byte[] csv() {
        Shown query = shown;
        return MetricsCsv.of(read(query), query.accountName(), query.appLabel()).getBytes(StandardCharsets.UTF_8);
    }

    /** The figures on screen now, read again (for tests). */
    Dashboard shown() {
        return read(shown);
    }
}
