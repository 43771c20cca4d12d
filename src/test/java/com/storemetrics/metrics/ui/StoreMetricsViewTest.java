package com.storemetrics.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.FinanceReporterClient;
import com.storemetrics.appstore.FinancialReportAnswer;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.VendorRegions;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MetricsService;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.ReportImporter;
import com.storemetrics.metrics.SettledByApple;
import com.storemetrics.payments.PaymentsFixture;
import com.storemetrics.rates.EcbFeed;
import com.storemetrics.rates.RatesFixture;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class StoreMetricsViewTest extends KaribuTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    JdbcTemplate jdbc;

    /** Sales reports only: this page shows sales (MetricsFixture.salesImporter). */
    ReportImporter importer;

    @Autowired
    ReporterClient reporter;

    @Autowired
    MetricsService metrics;

    @Autowired
    FinanceReporterClient finance;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void approvePixelForgeForAlice() {
        // 100 days cover the longest period most tests choose (90 days) and the 30 before the default
        // one; the tests that need the year's data or the year's progress make their own importer.
        importer = MetricsFixture.salesImporter(applicationContext, 100);
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void the_last_30_days_show_the_sandboxs_downloads_and_compare_each_card_with_the_previous_30_days() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();

        LocalDate to = yesterday();
        LocalDate from = to.minusDays(29);
        MetricsFixture.Expected now = apple(from, to);
        MetricsFixture.Expected before = apple(from.minusDays(30), from.minusDays(1));
        assertThat(view.account.getValue().name()).isEqualTo("Pixel Forge Studio");
        assertThat(view.period.getValue()).isEqualTo(Period.LAST_30_DAYS);
        assertThat(text("card-downloads-value"))
                .isEqualTo(Figures.count(now.unitsByBucket().get("DOWNLOADS")));
        assertThat(text("card-updates-value"))
                .isEqualTo(Figures.count(now.unitsByBucket().get("UPDATES")));
        assertThat(text("card-refunds-value")).isEqualTo(Figures.count(now.refunds()));
        assertThat(text("card-downloads-change"))
                .isEqualTo(Figures.change(
                        now.unitsByBucket().get("DOWNLOADS"),
                        before.unitsByBucket().get("DOWNLOADS")));
        long iap = now.unitsByBucket().getOrDefault("IN_APP_PURCHASES", 0L)
                + now.unitsByBucket().getOrDefault("SUBSCRIPTIONS", 0L);
        assertThat(text("card-iap-value")).isEqualTo(Figures.count(iap));
        assertThat(text("card-proceeds-value")).endsWith(" USD");
        assertThat(view.shown().current().proceeds().keySet())
                .isEqualTo(now.proceedsByCurrency().keySet());
        now.proceedsByCurrency()
                .forEach((currency, amount) -> assertThat(
                                view.shown().current().proceeds().get(currency))
                        .as(currency)
                        .isEqualByComparingTo(amount));
        assertThat(_get(Paragraph.class, spec -> spec.withId("freshness")).getText())
                .startsWith("Apple has published up to ");
        assertThat(_get(Anchor.class, spec -> spec.withId("export-csv")).getHref())
                .isNotBlank();
    }

    @Test
    void the_csv_link_downloads_what_is_shown_for_the_filters_chosen_last() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();
        view.period.setValue(Period.LAST_7_DAYS);
        Dashboard week = view.shown();

        String weekCsv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);

        assertThat(weekCsv).isEqualTo(MetricsCsv.of(week, "Pixel Forge Studio", "All apps"));
        assertThat(weekCsv)
                .startsWith("Store metrics,Pixel Forge Studio,All apps,"
                        + yesterday().minusDays(6) + "," + yesterday() + "\n");
        assertThat(weekCsv).contains("\ntotal,,This period," + week.current().units(Bucket.DOWNLOADS) + ",");
        view.period.setValue(Period.LAST_90_DAYS);
        String quarterCsv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);
        assertThat(quarterCsv)
                .isEqualTo(MetricsCsv.of(view.shown(), "Pixel Forge Studio", "All apps"))
                .startsWith("Store metrics,Pixel Forge Studio,All apps,"
                        + yesterday().minusDays(89) + ",");
    }

    @Test
    void the_tables_show_each_app_and_country_with_units_proceeds_per_currency_and_the_display_currency() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();
        Dashboard shown = view.shown();
        Dashboard.Line top = shown.byApp().get(0);

        assertThat(view.byApp.getColumnByKey("estimated").getHeaderText()).isEqualTo("Proceeds (estimated, USD)");
        assertThat(GridKt._size(view.byApp))
                .isEqualTo(Math.min(TopRows.TOP, shown.byApp().size()));
        assertThat(GridKt._size(view.byCountry))
                .isEqualTo(Math.min(TopRows.TOP, shown.byCountry().size()));
        assertThat(GridKt._getFormattedRow(view.byApp, 0))
                .containsExactly(
                        top.label(),
                        Figures.count(top.totals().units(Bucket.DOWNLOADS)),
                        Figures.count(top.totals().units(Bucket.REDOWNLOADS)),
                        Figures.count(top.totals().units(Bucket.UPDATES)),
                        Figures.count(top.totals().inAppAndSubscriptions()),
                        Figures.count(top.totals().refunds()),
                        Figures.money(top.totals().estimated(), "USD")
                                + (top.totals().unconverted().isEmpty()
                                        ? ""
                                        : " + " + String.join(", ", top.totals().unconverted())),
                        Figures.perCurrency(top.totals()));

        GridKt._sortByKey(view.byApp, "label", com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(view.byApp))
                        .mapToObj(i -> GridKt._getFormattedRow(view.byApp, i).get(0))
                        .toList())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void a_table_shows_its_top_ten_rows_until_all_are_asked_for_and_the_csv_has_every_row() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();
        List<String> countries =
                view.shown().byCountry().stream().map(Dashboard.Line::key).toList();
        assertThat(countries).as("Pixel Forge sells in more than ten countries").hasSizeGreaterThan(TopRows.TOP);

        assertThat(keys(view.byCountry)).containsExactlyElementsOf(countries.subList(0, TopRows.TOP));
        assertThat(view.moreCountries.note.getText())
                .isEqualTo("The top 10 of " + countries.size() + " countries, most downloads first.");
        assertThat(view.moreCountries.toggle.getText()).isEqualTo("Show all " + countries.size() + " countries");

        ButtonKt._click(view.moreCountries.toggle);
        assertThat(keys(view.byCountry)).containsExactlyElementsOf(countries);
        assertThat(view.moreCountries.toggle.getText()).isEqualTo("Show the top 10");
        view.period.setValue(Period.LAST_7_DAYS);
        assertThat(keys(view.byCountry))
                .as("all rows stay asked for when the period changes")
                .containsExactlyElementsOf(view.shown().byCountry().stream()
                        .map(Dashboard.Line::key)
                        .toList());
        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);
        ButtonKt._click(view.moreCountries.toggle);
        assertThat(GridKt._size(view.byCountry)).isEqualTo(TopRows.TOP);
        assertThat(new String(DownloadKt._download(view.export), StandardCharsets.UTF_8))
                .as("the CSV has every row, whichever the table shows")
                .isEqualTo(csv);
    }

    private static List<String> keys(BreakdownGrid grid) {
        return grid.getListDataView().getItems().map(BreakdownGrid.Row::key).toList();
    }

    @Test
    void the_app_filter_and_the_periods_narrow_what_is_shown() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();
        long allDownloads = view.shown().current().units(Bucket.DOWNLOADS);
        Dashboard.Line top = view.shown().byApp().get(0);

        view.app.setValue(view.app
                .getListDataView()
                .getItems()
                .filter(app -> app.key().equals(top.key()))
                .findFirst()
                .orElseThrow());

        assertThat(view.shown().current().units(Bucket.DOWNLOADS))
                .isEqualTo(top.totals().units(Bucket.DOWNLOADS))
                .isLessThan(allDownloads);
        assertThat(view.shown().byApp()).extracting(Dashboard.Line::key).containsExactly(top.key());
        assertThat(view.shown().byCountry().stream()
                        .mapToLong(line -> line.totals().units(Bucket.DOWNLOADS))
                        .sum())
                .isEqualTo(top.totals().units(Bucket.DOWNLOADS));

        view.period.setValue(Period.LAST_7_DAYS);
        assertThat(view.shown().series()).hasSize(7);
        assertThat(view.shown().weekly()).isFalse();
        view.period.setValue(Period.LAST_90_DAYS);
        assertThat(view.shown().series()).hasSize(90);
        view.period.setValue(Period.LAST_12_MONTHS);
        Dashboard year = view.shown();
        assertThat(year.weekly()).isTrue();
        assertThat(year.series()).hasSize(53);
        // The chart's weeks add up to the period's figures (the estimate up to rounding per week).
        assertThat(year.series().stream().mapToLong(Dashboard.Point::downloads).sum())
                .isEqualTo(year.current().units(Bucket.DOWNLOADS));
        assertThat(year.series().stream()
                        .map(Dashboard.Point::estimated)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isCloseTo(
                        year.current().estimated(),
                        org.assertj.core.data.Offset.offset(new java.math.BigDecimal("0.01")));
        view.app.clear();
        view.period.setValue(Period.CUSTOM);
        view.customFrom.setValue(yesterday().minusDays(59));
        view.customTo.setValue(yesterday().minusDays(50));
        assertThat(view.shown().from()).isEqualTo(yesterday().minusDays(59));
        assertThat(view.shown().series()).hasSize(10);
        assertThat(view.shown().current().units(Bucket.DOWNLOADS))
                .isPositive()
                .isEqualTo(apple(yesterday().minusDays(59), yesterday().minusDays(50))
                        .unitsByBucket()
                        .get("DOWNLOADS"));
    }

    @Test
    void a_currency_missing_from_the_rate_table_is_shown_apart_and_left_out_of_the_estimate() {
        MetricsFixture.importUntilIdle(MetricsFixture.salesImporter(applicationContext));
        login("alice");
        StoreMetricsView view = open();
        view.period.setValue(Period.LAST_12_MONTHS);

        assertThat(view.shown().current().unconverted()).containsExactly("SAR");
        assertThat(text("currency-note"))
                .contains("estimated in USD", "Not in the estimate (no exchange rate): SAR", " SAR.");
    }

    @Test
    void each_day_converts_at_its_own_reference_rates_and_the_page_and_csv_name_them() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();
        view.period.setValue(Period.LAST_7_DAYS);
        assertThat(text("currency-note"))
                .contains("each day at its own exchange rates: the shipped table of Oct 31, 2025, because no"
                        + " reference rates are imported yet.");

        RatesFixture.importFromTheSandbox(applicationContext);
        view.period.setValue(Period.LAST_30_DAYS);
        view.period.setValue(Period.LAST_7_DAYS);
        Dashboard week = view.shown();

        NavigableMap<LocalDate, Map<String, BigDecimal>> feed = EcbFeed.history(port);
        BigDecimal expectedTotal = BigDecimal.ZERO;
        for (Dashboard.Point point : week.series()) {
            // A weekend day converts at Friday's rates: the last working day on or before it.
            Map<String, BigDecimal> rates = feed.floorEntry(point.start()).getValue();
            BigDecimal expected = BigDecimal.ZERO;
            if (isPublished(point.start())) {
                for (Map.Entry<String, BigDecimal> amount :
                        apple(point.start(), point.start()).proceedsByCurrency().entrySet()) {
                    if (!"SAR".equals(amount.getKey())) {
                        expected = expected.add(EcbFeed.inUsd(rates, amount.getKey(), amount.getValue()));
                    }
                }
            }
            assertThat(point.estimated()).as("%s", point.start()).isCloseTo(expected, within(new BigDecimal("0.0001")));
            expectedTotal = expectedTotal.add(expected);
        }
        assertThat(week.current().estimated()).isCloseTo(expectedTotal, within(new BigDecimal("0.0001")));
        assertThat(week.byApp().stream()
                        .map(line -> line.totals().estimated())
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the lines convert at the period's proceeds-weighted rates, so they add up to the total")
                .isCloseTo(expectedTotal, within(new BigDecimal("0.0001")));
        String rates = "ECB reference rates, " + Figures.DAY.format(feed.floorKey(yesterday()));
        assertThat(text("currency-note")).contains("each day at its own exchange rates: " + rates + ".");
        assertThat(new String(DownloadKt._download(view.export), StandardCharsets.UTF_8))
                .contains("\"Proceeds are estimated in USD, each day at its own exchange rates: " + rates
                        + "; per-currency amounts are exact\"");
    }

    @Test
    void a_day_apple_has_not_published_is_shown_as_not_reported_never_as_zero() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
        ZonedDateTime fourAm = now.toLocalDate().atTime(4, 0).atZone(PACIFIC);
        clock.advance(Duration.between(now, fourAm.isAfter(now) ? fourAm : fourAm.plusDays(1)));
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        StoreMetricsView view = open();

        Dashboard.Point last = view.shown().series().get(view.shown().series().size() - 1);
        assertThat(last.start()).isEqualTo(yesterday());
        assertThat(last.reported()).isFalse();
        assertThat(view.chart.text.getText()).endsWith(Figures.DAY.format(yesterday()) + ": not reported yet;");
        assertThat(text("freshness"))
                .contains(
                        "Apple has published up to "
                                + Figures.DAY.format(yesterday().minusDays(1)),
                        "1 day(s) of this period are not reported yet");
    }

    @Test
    void during_the_back_fill_the_progress_follows_each_batch_live() {
        login("alice");
        StoreMetricsView view = open();
        assertThat(text("import-progress-text")).isEqualTo("Importing history: 0 of 365 days");

        onBackgroundThread(importer::runBatch);
        int done = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'"
                        + " AND status IN ('DATA', 'NO_SALES')",
                Integer.class,
                pixelForge);
        awaitUntilOffTheTestThread(
                "the progress shows the first batch",
                () -> text("import-progress-text").equals("Importing history: " + done + " of 365 days"));

        // A batch is 20 requests for the newest 20 days (the importer reads the Sales reports alone);
        // before 5 am Pacific the newest of them is not published yet.
        assertThat(done).isEqualTo(isPublished(yesterday()) ? 20 : 19);
        assertThat(view.progressBar.getValue()).isEqualTo(done / 365.0);
        assertThat(view.shown().current().units(Bucket.DOWNLOADS)).isPositive();
    }

    @Test
    void a_customer_without_an_approved_account_is_sent_to_data_integration() {
        login("bob");
        open();

        assertThat(text("metrics-empty")).contains("once an App Store Connect account of yours is Approved");
        assertThat(_get(Anchor.class, spec -> spec.withId("to-data-integration"))
                        .getHref())
                .isEqualTo("my-account/data-integration");
        assertThat(_find(Span.class, spec -> spec.withId("card-downloads-value")))
                .isEmpty();
    }

    @Test
    void bob_sees_only_accounts_he_has_an_approved_integration_of_and_cannot_ask_for_others() {
        long aliceMartin = MetricsFixture.approved(jdbc, "bob", "100002", "Alice Martin", "85000002");
        MetricsFixture.importUntilIdle(importer);
        login("bob");
        StoreMetricsView view = open();

        assertThat(view.account.getListDataView().getItems().map(MetricsService.MetricsAccount::name))
                .containsExactly("Alice Martin");
        assertThat(metrics.myAccounts())
                .extracting(MetricsService.MetricsAccount::accountId)
                .containsExactly(aliceMartin);
        assertThatThrownBy(() -> metrics.dashboard(pixelForge, null, yesterday().minusDays(6), yesterday()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> metrics.apps(pixelForge)).isInstanceOf(AccessDeniedException.class);
    }

    private MetricsFixture.Expected apple(LocalDate from, LocalDate to) {
        LocalDate published = isPublished(to) ? to : to.minusDays(1);
        return MetricsFixture.fromTheSandbox(
                reporter, SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, from, published);
    }

    private boolean isPublished(LocalDate day) {
        return !ZonedDateTime.now(clock.withZone(PACIFIC))
                .isBefore(day.plusDays(1).atTime(5, 0).atZone(PACIFIC));
    }

    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(PACIFIC)).minusDays(1);
    }

    @Test
    void a_period_holding_whole_fiscal_months_apple_has_settled_says_what_apple_settled_per_currency() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        PaymentsFixture.importMonths(applicationContext, 1);
        FiscalMonth latest = PaymentsFixture.latestPublished(clock.instant());
        Map<String, BigDecimal> totalAmount = new TreeMap<>();
        for (VendorRegions.Region region : finance.vendorsAndRegions(SandboxControl.ALICE_TOKEN, PIXEL_FORGE)
                .vendors()
                .get(0)
                .regions()) {
            FinancialReportAnswer file = finance.financialReport(
                    SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, region.code(), latest);
            if (file.outcome() == FinancialReportAnswer.Outcome.DATA) {
                totalAmount.merge(file.report().currency(), file.report().totalAmount(), BigDecimal::add);
            }
        }
        login("alice");
        StoreMetricsView view = open();
        assertThat(view.shown().settled())
                .as("the last 30 days hold no whole settled fiscal month")
                .isNull();
        assertThat(_find(Span.class, spec -> spec.withId("card-proceeds-note")))
                .as("no visible line")
                .isEmpty();

        view.period.setValue(Period.CUSTOM);
        view.customFrom.setValue(latest.start().minusDays(1));
        view.customTo.setValue(latest.end().plusDays(1));

        SettledByApple.Settled settled = view.shown().settled();
        assertThat(settled.months()).containsExactly(latest);
        assertThat(settled.amounts().keySet()).isEqualTo(totalAmount.keySet());
        totalAmount.forEach((currency, amount) ->
                assertThat(settled.amounts().get(currency)).as(currency).isEqualByComparingTo(amount));
        assertThat(text("card-proceeds-note"))
                .isEqualTo("Settled by Apple, " + latest.shortName() + ", "
                        + DateTimeFormatter.ofPattern("MMM d", Locale.US).format(latest.start()) + " – "
                        + Figures.DAY.format(latest.end()) + ": "
                        + totalAmount.entrySet().stream()
                                .map(entry -> Figures.money(entry.getValue(), entry.getKey()))
                                .collect(Collectors.joining(", ")));
        assertThat(_get(Span.class, spec -> spec.withId("card-proceeds-note")).isVisible())
                .isTrue();

        assertThat(new String(DownloadKt._download(view.export), StandardCharsets.UTF_8))
                .as("the CSV says the same")
                .contains("\n" + MetricsCsv.cell(text("card-proceeds-note")) + "\n");

        view.customFrom.setValue(latest.start().plusDays(1));
        assertThat(view.shown().settled())
                .as("part of a fiscal month is never shown as settled")
                .isNull();
        view.customFrom.setValue(latest.previous().start());
        assertThat(view.shown().settled())
                .as("the month before is not imported here: nothing, rather than part of the period")
                .isNull();
    }

    private static StoreMetricsView open() {
        UI.getCurrent().navigate(StoreMetricsView.class);
        return _get(StoreMetricsView.class);
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id))
                .getElement()
                .getText();
    }
}
