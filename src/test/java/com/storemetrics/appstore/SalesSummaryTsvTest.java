package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesSummaryTsvTest {

    private static final long LIMIT = 1_000_000;

    @Test
    void apples_column_order_is_read_with_refunds_as_negative_units() {
        List<SalesRow> rows = SalesSummaryTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("sales-apple-order.tsv")), LIMIT);

        assertThat(rows).hasSize(2);
        SalesRow sale = rows.get(0);
        assertThat(sale)
                .isEqualTo(new SalesRow(
                        "APPLE",
                        "PF-SKY-01",
                        "Pixel Forge Studio",
                        "Sky Pixels",
                        "1.4.2",
                        "1F",
                        12,
                        new BigDecimal("0.69"),
                        LocalDate.of(2026, 11, 27),
                        LocalDate.of(2026, 11, 27),
                        "USD",
                        "US",
                        "USD",
                        "1234567890",
                        new BigDecimal("0.99"),
                        "",
                        "iPhone"));
        assertThat(rows.get(1).units()).isEqualTo(-1);
        assertThat(rows.get(1).countryCode()).isEqualTo("DE");
    }

    @Test
    void reordered_columns_are_found_by_header_name() {
        List<SalesRow> rows = SalesSummaryTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("sales-reordered.tsv")), LIMIT);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).title()).isEqualTo("Northwind Racer");
        assertThat(rows.get(0).units()).isEqualTo(3);
        assertThat(rows.get(0).appleIdentifier()).isEqualTo("987654321");
        assertThat(rows.get(0).developerProceeds()).isEqualByComparingTo("1.50");
        assertThat(rows.get(0).currencyOfProceeds()).isEqualTo("GBP");
        assertThat(rows.get(0).customerPrice()).isEqualByComparingTo("1.99");
        assertThat(rows.get(0).sku()).isEqualTo("NW-RACER");
        assertThat(rows.get(0).beginDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        // The refund row stops after Country Code: its trailing fields are blank, not an error.
        assertThat(rows.get(1).units()).isEqualTo(-2);
        assertThat(rows.get(1).customerPrice()).isEqualByComparingTo("0");
        assertThat(rows.get(1).device()).isEmpty();
    }

    @Test
    void missing_optional_columns_are_null_and_blank_proceeds_are_zero() {
        List<SalesRow> rows = SalesSummaryTsv.parse(
                new java.io.StringReader(new String(Fixtures.bytes("sales-minimal.tsv"), StandardCharsets.UTF_8)));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.title()).isEqualTo("Free Game");
            assertThat(row.units()).isEqualTo(40);
            assertThat(row.developerProceeds()).isEqualByComparingTo("0");
            assertThat(row.beginDate()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(row.provider()).isNull();
            assertThat(row.sku()).isNull();
            assertThat(row.device()).isNull();
        });
    }

    @Test
    void a_report_without_the_units_column_is_unreadable() {
        assertThatThrownBy(() ->
                        SalesSummaryTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("sales-without-units.tsv")), LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Units");
    }

    @Test
    void a_date_that_is_not_month_day_year_is_unreadable() {
        assertThatThrownBy(() -> SalesSummaryTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("sales-iso-date.tsv")), LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("MM/DD/YYYY");
    }

    @Test
    void a_units_value_that_is_not_a_whole_number_is_unreadable() {
        String tsv = "Title\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCurrency of Proceeds\tApple Identifier\n"
                + "Game\tmany\t1\t01/01/2026\t01/01/2026\tUSD\t1\n";
        assertThatThrownBy(() -> SalesSummaryTsv.parse(new java.io.StringReader(tsv)))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void a_body_that_is_not_gzip_is_unreadable() {
        assertThatThrownBy(() -> SalesSummaryTsv.parseGzip(Fixtures.bytes("sales-apple-order.tsv"), LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("gzip");
        assertThatThrownBy(() -> SalesSummaryTsv.parseGzip(Fixtures.bytes("garbage.bin"), LIMIT))
                .isInstanceOf(UnreadableAnswer.class);
    }

    @Test
    void a_gzip_bomb_stops_at_the_unpacked_limit() {
        byte[] huge = new byte[5_000_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        byte[] bomb = Fixtures.gzip(huge);
        assertThat(bomb.length).isLessThan(50_000);

        assertThatThrownBy(() -> SalesSummaryTsv.parseGzip(bomb, LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("larger than " + LIMIT);
    }

    @Test
    void a_report_with_only_a_header_has_no_rows() {
        String header =
                "Title\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCurrency of Proceeds\tApple Identifier\n";
        assertThat(SalesSummaryTsv.parseGzip(Fixtures.gzip(header.getBytes(StandardCharsets.UTF_8)), LIMIT))
                .isEmpty();
        assertThatThrownBy(() -> SalesSummaryTsv.parseGzip(Fixtures.gzip(new byte[0]), LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("header");
    }
}
