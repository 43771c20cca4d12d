package com.storemetrics.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

class EcbXmlTest {

    private static final LocalDate OCT_31 = LocalDate.of(2025, 10, 31);

    @Test
    void the_daily_file_gives_one_day_of_units_per_euro() {
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = parse("eurofxref-daily.xml");

        assertThat(days.keySet()).containsExactly(OCT_31);
        assertThat(days.get(OCT_31))
                .containsEntry("USD", new BigDecimal("1.1554"))
                .containsEntry("JPY", new BigDecimal("178.03"))
                .containsEntry("GBP", new BigDecimal("0.87900"))
                .containsEntry("KRW", new BigDecimal("1651.96"))
                .hasSize(6)
                .doesNotContainKey("EUR");
    }

    @Test
    void a_history_file_gives_every_day_oldest_first() {
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = parse("eurofxref-hist-90d.xml");

        assertThat(days.keySet()).containsExactly(OCT_31.minusDays(2), OCT_31.minusDays(1), OCT_31);
        assertThat(days.get(OCT_31.minusDays(2))).containsEntry("USD", new BigDecimal("1.1636"));
        assertThat(days.get(OCT_31.minusDays(1))).containsEntry("JPY", new BigDecimal("178.5"));
    }

    @Test
    void padding_comments_and_lower_case_codes_are_read_as_the_same_rates() {
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = parse("padded.xml");

        assertThat(days).containsOnlyKeys(OCT_31);
        assertThat(days.get(OCT_31))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("USD", new BigDecimal("1.1554"), "JPY", new BigDecimal("178.03")));
    }

    @Test
    void an_envelope_without_any_day_is_empty_not_an_error() {
        assertThat(parse("empty-cube.xml")).isEmpty();
    }

    @Test
    void an_external_entity_is_refused_before_anything_is_read_from_disk() {
        assertThatThrownBy(() -> parse("xxe.xml"))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("root:");
    }

    @Test
    void a_billion_laughs_bomb_is_refused_without_expanding_it() {
        assertThatThrownBy(() -> parse("billion-laughs.xml"))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void garbage_is_refused_with_a_clear_error() {
        assertThatThrownBy(() -> parseText("\u0000\u00ff<<?!not a report;"))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageStartingWith("the rate file is not well-formed XML");
        assertThatThrownBy(() -> parseText("<html><body>Service unavailable</body></html>"))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessage("the rate file is not a gesmes:Envelope (it starts with <html>)");
        assertThatThrownBy(() -> parseText("")).isInstanceOf(UnreadableFeed.class);
    }

    @Test
    void a_rate_that_is_not_a_positive_number_names_the_day_and_currency() {
        assertThatThrownBy(
                        () -> parseText(envelope("<Cube time='2025-10-31'><Cube currency='USD' rate='1,15'/></Cube>")))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessage("the rate file's USD of 2025-10-31 is not a number: '1,15'");
        assertThatThrownBy(() -> parseText(envelope("<Cube time='2025-10-31'><Cube currency='USD' rate='-1'/></Cube>")))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("not positive");
        assertThatThrownBy(() -> parseText(envelope("<Cube time='31.10.2025'><Cube currency='USD' rate='1'/></Cube>")))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("'31.10.2025' is not a date");
        assertThatThrownBy(() -> parseText(envelope("<Cube currency='USD' rate='1'/>")))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("outside a day");
        assertThatThrownBy(() -> parseText(envelope("<Cube time='2025-10-31'><Cube currency='US$' rate='1'/></Cube>")))
                .isInstanceOf(UnreadableFeed.class)
                .hasMessageContaining("not a currency code");
    }

    private static String envelope(String cubes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\""
                + " xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube>" + cubes
                + "</Cube></gesmes:Envelope>";
    }

    private static NavigableMap<LocalDate, Map<String, BigDecimal>> parseText(String xml) {
        return EcbXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static NavigableMap<LocalDate, Map<String, BigDecimal>> parse(String fixture) {
        try (InputStream in = EcbXmlTest.class.getResourceAsStream("/rates/" + fixture)) {
            return EcbXml.parse(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
