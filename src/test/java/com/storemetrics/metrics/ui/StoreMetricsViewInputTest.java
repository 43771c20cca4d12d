package com.storemetrics.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.InvalidPeriod;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MetricsService;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.PeriodRules;
import com.storemetrics.myintegrations.IntegrationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Store Metrics does with days that do not work (too many, reversed, year 1) and with an
 * account whose integration was removed while the page was open: a clear answer on the page, the
 * CSV link answering "no longer available", and never an ERROR line for the customer's input.
 */
class StoreMetricsViewInputTest extends KaribuTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MetricsService metrics;

    @Autowired
    IntegrationService integrations;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;
    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();

    @BeforeEach
    void approvePixelForgeForAlice() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        errors.clearAllFilters();
        errors.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                return event.getLevel().isGreaterOrEqual(Level.ERROR)
                        ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
                        : ch.qos.logback.core.spi.FilterReply.DENY;
            }
        });
        errors.start();
        rootLogger().addAppender(errors);
        login("alice");
    }

    @AfterEach
    void cleanUp() {
        rootLogger().detachAppender(errors);
    }

    @Test
    void a_custom_range_over_400_days_is_marked_on_its_first_day_with_the_reason_and_logs_no_error() {
        StoreMetricsView view = openCustom();

        view.customFrom.setValue(LocalDate.of(2000, 1, 1));

        assertThat(view.customFrom.isInvalid()).isTrue();
        assertThat(view.customFrom.getErrorMessage())
                .isEqualTo("Choose days from " + Figures.DAY.format(PeriodRules.earliestDay(yesterday())) + " to "
                        + Figures.DAY.format(yesterday())
                        + ": Apple keeps about a year of daily reports, and today's is not published yet.");
        assertThat(view.customTo.isInvalid()).isFalse();
        assertThat(view.content.isVisible())
                .as("no figures for days that were not read")
                .isFalse();
        assertThat(errors.list).as("ERROR lines").isEmpty();
    }

    @Test
    void a_reversed_range_is_marked_and_hides_the_old_figures_until_it_is_put_right() {
        StoreMetricsView view = openCustom();
        assertThat(view.content.isVisible()).isTrue();

        view.customFrom.setValue(yesterday().minusDays(3));
        view.customTo.setValue(yesterday().minusDays(10));

        assertThat(view.customFrom.isInvalid()).isTrue();
        assertThat(view.customTo.isInvalid()).isTrue();
        assertThat(view.customTo.getErrorMessage()).isEqualTo("The first day must be on or before the last day.");
        assertThat(view.content.isVisible()).isFalse();

        view.customTo.setValue(yesterday());

        assertThat(view.customFrom.isInvalid()).isFalse();
        assertThat(view.customTo.isInvalid()).isFalse();
        assertThat(view.content.isVisible()).isTrue();
        assertThat(view.shown().from()).isEqualTo(yesterday().minusDays(3));
        assertThat(view.shown().series()).hasSize(4);
        assertThat(errors.list).isEmpty();
    }

    @Test
    void the_pickers_offer_only_the_last_400_report_days_and_a_typed_year_one_is_refused_in_words() {
        StoreMetricsView view = openCustom();

        assertThat(view.customFrom.getMin()).isEqualTo(yesterday().minusDays(399));
        assertThat(view.customFrom.getMax()).isEqualTo(yesterday());
        assertThat(view.customTo.getMin()).isEqualTo(yesterday().minusDays(399));
        assertThat(view.customTo.getMax()).isEqualTo(yesterday());

        view.customFrom.setValue(LocalDate.of(1, 1, 1));
        view.customTo.clear();

        assertThat(view.customFrom.getErrorMessage()).startsWith("Choose days from ");
        assertThat(view.customTo.getErrorMessage())
                .isEqualTo("Choose a last day from "
                        + Figures.DAY.format(yesterday().minusDays(399)) + " to " + Figures.DAY.format(yesterday())
                        + ".");
        assertThat(view.content.isVisible()).isFalse();
        assertThat(errors.list).isEmpty();
    }

    @Test
    void the_service_refuses_the_same_ranges_in_the_same_words() {
        assertThatThrownBy(() -> metrics.dashboard(pixelForge, null, LocalDate.of(2000, 1, 1), yesterday()))
                .isInstanceOf(InvalidPeriod.class)
                .hasMessageStartingWith("Choose days from ");
        assertThatThrownBy(() -> metrics.dashboard(
                        pixelForge, null, yesterday(), yesterday().minusDays(1)))
                .isInstanceOf(InvalidPeriod.class)
                .hasMessage("The first day must be on or before the last day.");
        assertThatThrownBy(() -> metrics.dashboard(pixelForge, null, LocalDate.of(1, 1, 1), LocalDate.of(1, 1, 2)))
                .isInstanceOf(InvalidPeriod.class);
        assertThatThrownBy(() -> metrics.dashboard(pixelForge, null, null, yesterday()))
                .isInstanceOf(InvalidPeriod.class)
                .hasMessageStartingWith("Choose a first day from ");
        assertThat(metrics.dashboard(pixelForge, null, PeriodRules.earliestDay(yesterday()), yesterday())
                        .series())
                .as("the longest range works")
                .isNotEmpty();
    }

    @Test
    void the_csv_of_an_account_whose_integration_was_removed_answers_404_no_longer_available_and_the_page_updates() {
        StoreMetricsView view = open();
        integrations.remove(alicesIntegrationOf(pixelForge));

        FakeResponse answer = CsvDownloadProbe.press(view.export);

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getBuffer().toString(StandardCharsets.UTF_8))
                .isEqualTo(StoreMetricsView.CSV_NO_LONGER_AVAILABLE);
        MockVaadin.clientRoundtrip();
        assertThat(_get(Paragraph.class, spec -> spec.withId("metrics-empty")).getText())
                .contains("once an App Store Connect account of yours is Approved");
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", ""))
                        .isEqualTo("Pixel Forge Studio is no longer available: its App Store Connect integration "
                                + "was removed."));
        assertThat(errors.list).isEmpty();
    }

    @Test
    void a_filter_changed_after_the_integration_was_removed_moves_to_the_accounts_left_instead_of_an_error() {
        MetricsFixture.approved(jdbc, "alice", "100002", "Alice Martin", "85000002");
        StoreMetricsView view = open();
        view.account.setValue(view.account
                .getListDataView()
                .getItems()
                .filter(account -> account.accountId() == pixelForge)
                .findFirst()
                .orElseThrow());
        integrations.remove(alicesIntegrationOf(pixelForge));

        view.period.setValue(Period.LAST_7_DAYS);

        assertThat(view.account.getValue().name()).isEqualTo("Alice Martin");
        assertThat(view.account.getListDataView().getItems().map(MetricsService.MetricsAccount::name))
                .containsExactly("Alice Martin");
        assertThat(view.shown().accountId()).isNotEqualTo(pixelForge);
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", ""))
                        .startsWith("Pixel Forge Studio is no longer available"));
        assertThat(_find(Paragraph.class, spec -> spec.withId("metrics-empty"))).isEmpty();
        assertThat(errors.list).isEmpty();
    }

    @Test
    void the_service_says_an_account_whose_integration_was_removed_is_not_approved() {
        integrations.remove(alicesIntegrationOf(pixelForge));

        assertThatThrownBy(() -> metrics.dashboard(pixelForge, null, yesterday().minusDays(6), yesterday()))
                .isInstanceOf(AccountNotApproved.class);
    }

    /** The CSV link pressed: its handler answers as it would over HTTP. */
    private long alicesIntegrationOf(long accountId) {
        return jdbc.queryForObject(
                "SELECT i.id FROM integration i JOIN app_user u ON u.id = i.customer_id"
                        + " WHERE u.username = 'alice' AND i.account_id = ? AND i.status = 'APPROVED'",
                Long.class,
                accountId);
    }

    private StoreMetricsView openCustom() {
        StoreMetricsView view = open();
        view.period.setValue(Period.CUSTOM);
        return view;
    }

    private static StoreMetricsView open() {
        UI.getCurrent().navigate(StoreMetricsView.class);
        return _get(StoreMetricsView.class);
    }

    private LocalDate yesterday() {
        return LocalDate.now(clock.withZone(PACIFIC)).minusDays(1);
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
