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
import com.storemetrics.metrics.SalesImporter;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.combobox.ComboBox;
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
    final Select<MetricsAccount> account = new Select<>();
    /** A combo box, not a select: a select keeps a server-side item component per app (50 apps, 50 components). */
    final ComboBox<AppOption> app = new ComboBox<>();
    final Select<Period> period = new Select<>();
    final DatePicker customFrom = new DatePicker("From");
    final DatePicker customTo = new DatePicker("To");
    final Paragraph freshness = new Paragraph();
    final Span progressText = new Span();
    final ProgressBar progressBar = new ProgressBar();
    final Div progress = new Div(progressText, progressBar);
    final FlexLayout cards = new FlexLayout();
    final Paragraph currencyNote = new Paragraph();
    final SalesChart chart = new SalesChart();
    final BreakdownGrid byApp;
    final BreakdownGrid byCountry;
    final Anchor export = new Anchor();
    final Div content = new Div();
    /**
     * The filters of what is on screen, not the dashboard itself: an open view keeps only what its
     * components need (docs/benchmarks.md section 4), and the CSV reads the figures again.
     */
    private Shown shown;

    /** The account, app (null: all) and days on screen, and their names for the CSV. */
    record Shown(long accountId, String appKey, LocalDate from, LocalDate to, String accountName, String appLabel) {
    }

    public StoreMetricsView(MetricsService metrics, MetricsBroadcaster broadcaster, LiveUpdates live, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        setId("store-metrics");
        SessionUser viewer = SessionUser.current();
        add(new H2("Store Metrics"));
        List<MetricsAccount> accounts = metrics.myAccounts();
        byApp = new BreakdownGrid("App");
        byCountry = new BreakdownGrid("Country");
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
        account.setLabel("Account");
        account.setItems(accounts);
        account.setItemLabelGenerator(MetricsAccount::name);
        app.setLabel("App");
        // Empty means every app: the placeholder says so and the clear button returns to it.
        app.setPlaceholder("All apps");
        app.setClearButtonVisible(true);
        app.setItemLabelGenerator(AppOption::title);
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(Period::label);
        customFrom.setVisible(false);
        customTo.setVisible(false);
        FlexLayout filters = new FlexLayout(account, app, period, customFrom, customTo);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);

        freshness.setId("freshness");
        freshness.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progressBar.setMin(0);
        progressBar.setMax(1);
        progressBar.getElement().setAttribute("aria-labelledby", "import-progress-text");
        progress.addClassNames(LumoUtility.Width.FULL);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassNames(LumoUtility.Gap.MEDIUM);
        cards.setId("metric-cards");
        currencyNote.setId("currency-note");
        currencyNote.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        export.setText("Download CSV");
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);
        content.setWidthFull();
        content.add(cards, currencyNote, new H3("Downloads and proceeds"), chart, new H3("By app"), byApp,
                new H3("By country"), byCountry, export);
        add(filters, freshness, progress, content);

        account.addValueChangeListener(change -> {
            List<AppOption> apps = change.getValue() == null ? List.of() : metrics.apps(change.getValue().accountId());
            app.setItems(apps);
            app.clear();
            refresh();
        });
        app.addValueChangeListener(change -> refresh());
        period.addValueChangeListener(change -> {
            boolean custom = change.getValue() == Period.CUSTOM;
            customFrom.setVisible(custom);
            customTo.setVisible(custom);
            if (custom && customFrom.isEmpty()) {
                customTo.setValue(yesterday());
                customFrom.setValue(yesterday().minusDays(13));
            }
            refresh();
        });
        customFrom.addValueChangeListener(change -> refresh());
        customTo.addValueChangeListener(change -> refresh());
        period.setValue(Period.LAST_30_DAYS);
        account.setValue(accounts.get(0));

        live.follow(this, viewer, sink -> subscribe(broadcaster, accounts, sink), this::imported, this::refresh);
    }

    private static Registration subscribe(MetricsBroadcaster broadcaster, List<MetricsAccount> accounts,
            java.util.function.Consumer<MetricsImported> sink) {
        List<Registration> registrations = new ArrayList<>();
        accounts.forEach(account -> registrations.add(broadcaster.registerForAccount(account.accountId(), sink::accept)));
        return () -> registrations.forEach(Registration::remove);
    }

    private void imported(List<MetricsImported> batch) {
        MetricsAccount selected = account.getValue();
        if (selected != null && batch.stream().anyMatch(update -> update.accountId() == selected.accountId())) {
            AppOption chosen = app.getValue();
            List<AppOption> apps = metrics.apps(selected.accountId());
            if (apps.size() != app.getListDataView().getItemCount()) {
                app.setItems(apps);
                app.setValue(chosen == null ? null : apps.stream().filter(a -> a.key().equals(chosen.key()))
                        .findFirst().orElse(null));
            }
            refresh();
        }
    }

    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(SalesImporter.REPORT_ZONE)).minusDays(1);
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
        Shown query = new Shown(selected.accountId(), chosenApp == null ? null : chosenApp.key(), from, to,
                selected.name(), chosenApp == null ? "All apps" : chosenApp.title());
        show(read(query));
        if (shown == null || !shown.from().equals(from) || !shown.to().equals(to)) {
            export.setHref(new StreamResource("store-metrics-" + from + "-" + to + ".csv",
                    (out, session) -> out.write(csv())));
        }
        shown = query;
    }

    private Dashboard read(Shown query) {
        return metrics.dashboard(query.accountId(), query.appKey(), query.from(), query.to());
    }

    private void show(Dashboard dashboard) {
        String currency = dashboard.displayCurrency();
        freshness.setText(dashboard.publishedUpTo() == null ? "Apple has not published any day of this account yet."
                : "Apple has published up to " + Figures.DAY.format(dashboard.publishedUpTo())
                        + (dashboard.unreportedDays() > 0 ? ". " + dashboard.unreportedDays()
                                + " day(s) of this period are not reported yet." : "."));
        Dashboard.Progress state = dashboard.progress();
        progress.setVisible(!state.complete());
        progressText.setText(state.active() ? "Importing history: " + state.daysDone() + " of " + state.daysTotal()
                + " days" + (state.lastFailure() == null ? "" : " (retrying after: " + state.lastFailure() + ")")
                : "History import stopped at " + state.daysDone() + " of " + state.daysTotal()
                        + " days: no Approved integration of this account is left.");
        progressBar.setValue(state.daysDone() / (double) state.daysTotal());

        Dashboard.Totals now = dashboard.current();
        Dashboard.Totals before = dashboard.previous();
        cards.removeAll();
        cards.add(card("downloads", "Downloads", Figures.count(now.units(Bucket.DOWNLOADS)),
                        now.units(Bucket.DOWNLOADS), before.units(Bucket.DOWNLOADS)),
                card("redownloads", "Re-downloads", Figures.count(now.units(Bucket.REDOWNLOADS)),
                        now.units(Bucket.REDOWNLOADS), before.units(Bucket.REDOWNLOADS)),
                card("updates", "Updates", Figures.count(now.units(Bucket.UPDATES)), now.units(Bucket.UPDATES),
                        before.units(Bucket.UPDATES)),
                card("iap", "In-app purchases & subscriptions", Figures.count(now.inAppAndSubscriptions()),
                        now.inAppAndSubscriptions(), before.inAppAndSubscriptions()),
                card("proceeds", "Proceeds (estimated)", Figures.money(now.estimated(), currency),
                        now.estimated().doubleValue(), before.estimated().doubleValue()),
                card("refunds", "Refunds", Figures.count(now.refunds()), now.refunds(), before.refunds()));
        currencyNote.setText("Proceeds are estimated in " + currency + " with the exchange rates of "
                + Figures.DAY.format(dashboard.ratesDate()) + "; exact amounts per currency are in the tables."
                + (now.unconverted().isEmpty() ? "" : " Not in the estimate (no exchange rate): "
                        + String.join(", ", now.unconverted()) + ", shown in its own currency: "
                        + now.unconverted().stream().map(c -> Figures.money(now.proceeds().getOrDefault(c,
                                BigDecimal.ZERO), c)).reduce((a, b) -> a + ", " + b).orElse("") + "."));
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

    private static Component card(String id, String label, String value, double current, double previous) {
        Span title = new Span(label);
        title.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Span figure = new Span(value);
        figure.setId("card-" + id + "-value");
        figure.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span change = new Span(Figures.change(current, previous));
        change.setId("card-" + id + "-change");
        change.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(title, figure, change);
        card.setId("card-" + id);
        card.getElement().setAttribute("role", "group");
        card.getElement().setAttribute("aria-label", label + ": " + value + ", " + change.getText());
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.BorderColor.CONTRAST_10);
        card.getStyle().set("flex", "1 1 10rem");
        return card;
    }

    /** The figures on screen now, read again (for tests). */
    Dashboard shown() {
        return read(shown);
    }
}
