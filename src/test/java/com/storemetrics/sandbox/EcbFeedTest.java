package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.base.TargetCalendar;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EcbFeedTest extends SandboxHttpTest {

    private static final Pattern DAY = Pattern.compile("<Cube time=['\"](\\d{4}-\\d{2}-\\d{2})['\"]>");
    private static final Pattern RATE =
            Pattern.compile("<Cube currency=['\"]([A-Z]{3})['\"] rate=['\"]([0-9.]+)['\"]/>");

    @Test
    void the_daily_file_has_the_ecbs_envelope_and_the_ecb_currencies_the_sandbox_sells_in() throws Exception {
        HttpResponse<String> daily = get("eurofxref-daily.xml");

        assertThat(daily.statusCode()).isEqualTo(200);
        assertThat(daily.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(daily.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gesmes:Envelope"
                        + " xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\""
                        + " xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n"
                        + "\t<gesmes:subject>Reference rates</gesmes:subject>\n")
                .contains("<gesmes:name>European Central Bank</gesmes:name>")
                .contains("\t<Cube>\n\t\t<Cube time='")
                .endsWith("\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>");
        assertThat(days(daily.body())).hasSize(1);
        assertThat(currencies(daily.body()))
                .containsExactly("USD", "JPY", "GBP", "CHF", "AUD", "BRL", "CAD", "INR", "KRW", "MXN")
                .doesNotContain("SAR", "EUR");
    }

    @Test
    void a_days_rates_appear_at_four_in_the_afternoon_and_weekends_keep_fridays() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(TargetCalendar.ECB_ZONE);
        // Next week's Wednesday, well clear of any TARGET holiday but Christmas or New Year.
        ZonedDateTime wednesday = now.plusWeeks(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusDays(2)
                .withHour(15)
                .withMinute(50);
        if (!TargetCalendar.isWorkingDay(wednesday.toLocalDate())
                || !TargetCalendar.isWorkingDay(wednesday.toLocalDate().minusDays(1))) {
            wednesday = wednesday.plusWeeks(2);
        }
        moveSandboxTo(wednesday.toInstant());
        assertThat(days(get("eurofxref-daily.xml").body()))
                .containsExactly(wednesday.toLocalDate().minusDays(1));

        moveSandboxTo(wednesday.plusMinutes(20).toInstant());
        assertThat(days(get("eurofxref-daily.xml").body())).containsExactly(wednesday.toLocalDate());

        ZonedDateTime saturday = wednesday.plusDays(3).withHour(12);
        moveSandboxTo(saturday.toInstant());
        String daily = get("eurofxref-daily.xml").body();
        assertThat(days(daily)).containsExactly(saturday.toLocalDate().minusDays(1));
    }

    @Test
    void the_histories_hold_working_days_only_newest_first_and_rates_drift_day_to_day() throws Exception {
        String ninety = get("eurofxref-hist-90d.xml").body();
        String full = get("eurofxref-hist.xml").body();

        List<LocalDate> recent = days(ninety);
        List<LocalDate> all = days(full);
        assertThat(recent).hasSizeBetween(55, 66).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(recent).allMatch(TargetCalendar::isWorkingDay);
        assertThat(recent.get(recent.size() - 1)).isAfter(LocalDate.now().minusDays(91));
        assertThat(all).startsWith(recent.toArray(LocalDate[]::new)).hasSizeGreaterThan(500);
        assertThat(all).allMatch(TargetCalendar::isWorkingDay);
        assertThat(ninety).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gesmes:Envelope");
        // The newest day of the history is the daily file's day, at the same rates.
        String daily = get("eurofxref-daily.xml").body();
        assertThat(days(daily).get(0)).isEqualTo(recent.get(0));
        assertThat(rates(daily)).isEqualTo(rates(ninety).subList(0, 10));
        assertThat(rates(ninety).subList(0, 10)).isNotEqualTo(rates(ninety).subList(10, 20));
    }

    @Test
    void faults_of_the_control_api_reach_the_feed() throws Exception {
        arm("{\"mode\":\"HTTP_500\",\"count\":1}");
        assertThat(get("eurofxref-daily.xml").statusCode()).isEqualTo(500);
        assertThat(get("eurofxref-daily.xml").statusCode()).isEqualTo(200);

        arm("{\"mode\":\"GARBAGE\",\"count\":1}");
        assertThat(get("eurofxref-hist-90d.xml").body()).doesNotContain("gesmes");
    }

    /** Moves the sandbox's clock forward to {@code target} (its own "now" is what a zero step answers). */
    private void moveSandboxTo(Instant target) throws Exception {
        Instant sandboxNow = Instant.parse(JSON.readTree(
                        control("POST", "/clock", "{\"advance\":\"PT0S\"}").body())
                .path("now")
                .asText());
        new SandboxControl(port)
                .advanceClock(Duration.between(sandboxNow, target).toString());
    }

    private void arm(String fault) {
        assertThat(control("POST", "/faults", fault).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String file) throws Exception {
        return send(HttpRequest.newBuilder(url("/sandbox/ecb/stats/eurofxref/" + file))
                .GET());
    }

    private static List<LocalDate> days(String xml) {
        List<LocalDate> days = new ArrayList<>();
        Matcher matcher = DAY.matcher(xml);
        while (matcher.find()) {
            days.add(LocalDate.parse(matcher.group(1)));
        }
        return days;
    }

    private static Set<String> currencies(String xml) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher matcher = RATE.matcher(xml);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static List<String> rates(String xml) {
        List<String> rates = new ArrayList<>();
        Matcher matcher = RATE.matcher(xml);
        while (matcher.find()) {
            rates.add(matcher.group(1) + "=" + matcher.group(2));
        }
        return rates;
    }
}
