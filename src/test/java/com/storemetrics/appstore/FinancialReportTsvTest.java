package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The Financial report parser on fixtures: a Euro-zone file with padded values, a return and a blank
 * line before Apple's trailer lines (src/test/resources/financial), and that file bent every way
 * Apple's files have gone wrong: trailers that disagree, cut short, unknown columns.
 */
class FinancialReportTsvTest {

    private static final String FIXTURE = fixture("padded-with-return.tsv");
    private static final long CAP = 1_000_000;

    @Test
    void padded_values_read_as_apple_meant_them_and_returns_are_negative() {
        FinancialReportTsv.Parsed parsed = parse(FIXTURE);

        assertThat(parsed.currency()).isEqualTo("EUR");
        assertThat(parsed.totalAmount()).isEqualByComparingTo("41.90");
        assertThat(parsed.totalUnits()).isEqualTo(15);
        assertThat(parsed.unknownColumns()).isEmpty();
        assertThat(parsed.rows()).hasSize(3);
        FinancialRow first = parsed.rows().get(0);
        assertThat(first.startDate()).isEqualTo(LocalDate.of(2023, 10, 29));
        assertThat(first.endDate()).isEqualTo(LocalDate.of(2023, 11, 25));
        assertThat(first.partnerShare()).isEqualByComparingTo("3.49");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.customerCurrency()).isEqualTo("EUR");
        assertThat(first.productTypeIdentifier()).isEqualTo("1F");
        assertThat(first.countryOfSale()).isEqualTo("DE");
        assertThat(parsed.rows().get(1).productTypeIdentifier()).isEqualTo("IA1");
        FinancialRow refund = parsed.rows().get(2);
        assertThat(refund.isReturn()).isTrue();
        assertThat(refund.quantity()).isEqualTo(-2);
        assertThat(refund.partnerShare()).isEqualByComparingTo("3.49");
        assertThat(refund.extendedPartnerShare()).isEqualByComparingTo("-6.98");
    }

    @Test
    void the_gzip_file_apple_sends_reads_the_same() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(FIXTURE.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(FinancialReportTsv.parseGzip(bytes.toByteArray(), CAP)).isEqualTo(parse(FIXTURE));
    }

    @Test
    void a_total_amount_that_disagrees_with_the_rows_makes_the_file_inconsistent() {
        assertThatThrownBy(() -> parse(FIXTURE.replace("Total_Amount\t41.90", "Total_Amount\t41.91")))
                .isInstanceOf(InconsistentReport.class)
                .hasMessageContaining("Total_Amount says 41.91, the rows add up to 41.90");
    }

    @Test
    void a_row_count_or_units_that_disagree_make_the_file_inconsistent() {
        assertThatThrownBy(() -> parse(FIXTURE.replace("Total_Rows\t3", "Total_Rows\t4")))
                .isInstanceOf(InconsistentReport.class)
                .hasMessageContaining("Total_Rows says 4, the file has 3 row(s)");
        assertThatThrownBy(() -> parse(FIXTURE.replace("Total_Units\t15", "Total_Units\t16")))
                .isInstanceOf(InconsistentReport.class)
                .hasMessageContaining("Total_Units says 16");
    }

    @Test
    void units_counted_without_signs_agree_too_since_apples_reading_is_unconfirmed() {
        assertThat(parse(FIXTURE.replace("Total_Units\t15", "Total_Units\t19")).totalUnits())
                .isEqualTo(19);
    }

    @Test
    void an_extended_partner_share_that_is_not_quantity_times_partner_share_is_inconsistent() {
        assertThatThrownBy(() -> parse(FIXTURE.replace("\t7.00\t", "\t7.10\t")))
                .isInstanceOf(InconsistentReport.class)
                .hasMessageContaining("line 3: Extended Partner Share 7.10 is not Quantity 5 x Partner Share 1.40");
    }

    @Test
    void a_file_without_its_trailer_lines_is_cut_short() {
        String withoutTrailer = FIXTURE.substring(0, FIXTURE.indexOf("Total_Units"));

        assertThatThrownBy(() -> parse(withoutTrailer))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("cut short")
                .hasMessageContaining("[Total_Units]");
        assertThatThrownBy(() -> parse(FIXTURE.substring(0, FIXTURE.indexOf("\tFR\t"))))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining(
                        "line 3 of the Financial report has 17 fields where the header has 22 (the file is cut short)");
    }

    @Test
    void a_gzip_stream_cut_in_the_middle_is_unreadable() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(FIXTURE.getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);

        assertThatThrownBy(() -> FinancialReportTsv.parseGzip(cut, CAP)).isInstanceOf(UnreadableAnswer.class);
    }

    @Test
    void an_unknown_column_is_ignored_and_reported() {
        String withColumn = FIXTURE.lines()
                        .map(line -> line.startsWith("Total_") || line.isEmpty()
                                ? line
                                : line + "\t" + (line.startsWith("Start Date") ? "Tax Region" : "X"))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElseThrow()
                + "\n";

        FinancialReportTsv.Parsed parsed = parse(withColumn);

        assertThat(parsed.unknownColumns()).containsExactly("Tax Region");
        assertThat(parsed.totalAmount()).isEqualByComparingTo("41.90");
    }

    @Test
    void a_missing_required_column_a_row_after_the_trailer_or_a_bad_value_is_unreadable() {
        assertThatThrownBy(() -> parse(FIXTURE.replace("Extended Partner Share", "Extended Share")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("lacks the column(s) [Extended Partner Share]");
        assertThatThrownBy(() ->
                        parse(FIXTURE + FIXTURE.lines().skip(1).findFirst().orElseThrow() + "\n"))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("after its trailer lines");
        assertThatThrownBy(() -> parse(FIXTURE.replace("\t12\t", "\ttwelve\t")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Quantity is not a whole number");
        assertThatThrownBy(() -> parse(FIXTURE.replace("\tS\t1234567891", "\tX\t1234567891")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("neither S nor R");
        assertThatThrownBy(() -> parse(FIXTURE.replace("Total_Amount\t41.90", "Total_Amount\tlots")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Total_Amount is not a number");
    }

    private static FinancialReportTsv.Parsed parse(String text) {
        return FinancialReportTsv.parse(new StringReader(text));
    }

    private static String fixture(String name) {
        try (InputStream in = FinancialReportTsvTest.class.getResourceAsStream("/financial/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
