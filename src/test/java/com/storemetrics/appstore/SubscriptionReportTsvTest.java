package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Subscription report parser against real-file quirks: older headers, padded values, blank cells, new columns. */
class SubscriptionReportTsvTest {

    private static final long LIMIT = 1_000_000;

    @Test
    void an_older_header_with_padded_currencies_and_single_space_blanks_is_read_by_name() {
        SubscriptionReportTsv.Parsed parsed =
                SubscriptionReportTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("subscription-older-header.tsv")), LIMIT);

        assertThat(parsed.rows()).hasSize(3);
        SubscriptionRow yearly = parsed.rows().get(0);
        assertThat(yearly.subscriptionAppleId()).isEqualTo("1234500001");
        assertThat(yearly.standardSubscriptionDuration()).isEqualTo("1 Year");
        assertThat(yearly.subscriptionOfferName()).isEmpty();
        assertThat(yearly.state()).isEmpty();
        assertThat(yearly.customerPrice()).isEqualTo(new Money(new BigDecimal("2950.00"), "RUB"));
        assertThat(yearly.developerProceeds()).isEqualTo(new Money(new BigDecimal("2065.00"), "RUB"));
        assertThat(yearly.developerProceeds().times(20).amount()).isEqualByComparingTo("41300.00");
        assertThat(yearly.counts().activeStandardPrice()).isEqualTo(20);
        SubscriptionRow promo = parsed.rows().get(1);
        assertThat(promo.subscriptionOfferName())
                .as("\"Promotional Offer Name\" is the older name of \"Subscription Offer Name\"")
                .isEqualTo("Come Back");
        assertThat(promo.promotionalOfferId()).isEqualTo("comeback");
        assertThat(promo.preservedPricing()).isEqualTo("Yes");
        assertThat(promo.state()).isEqualTo("CA");
        assertThat(promo.counts().payUpFrontPromotionalOffer()).isEqualTo(3);
        assertThat(promo.counts().activePaid()).isEqualTo(3);
        SubscriptionCounts atRisk = parsed.rows().get(2).counts();
        assertThat(atRisk.billingRetry()).isEqualTo(1);
        assertThat(atRisk.gracePeriod()).isEqualTo(2);
        assertThat(atRisk.atRisk()).isEqualTo(3);
        assertThat(atRisk.subscribers()).isNull();
        // No offer-code or win-back columns in this version: read as zero, and said so.
        assertThat(parsed.countColumns())
                .contains("Billing Retry", "Grace Period")
                .doesNotContain("Free Trial Offer Code Subscriptions", "Free Trial Win-back Offers");
    }

    @Test
    void version_1_4_spellings_subscribers_win_back_offers_and_an_unknown_column_are_read() {
        SubscriptionReportTsv.Parsed parsed =
                SubscriptionReportTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("subscription-1_4.tsv")), LIMIT);

        assertThat(parsed.rows()).hasSize(3);
        SubscriptionCounts standard = parsed.rows().get(0).counts();
        assertThat(standard.activeStandardPrice()).isEqualTo(591);
        assertThat(standard.billingRetry()).isEqualTo(21);
        assertThat(standard.gracePeriod()).isEqualTo(6);
        assertThat(standard.subscribers()).isEqualTo(656);
        assertThat(parsed.rows().get(1).proceedsReason()).isEqualTo("Rate After One Year");
        SubscriptionRow code = parsed.rows().get(2);
        assertThat(code.developerProceeds().currency()).as("padded \"EUR   \"").isEqualTo("EUR");
        assertThat(code.country()).isEqualTo("DE");
        assertThat(code.counts().payUpFrontOfferCode()).isEqualTo(2);
        assertThat(code.counts().payAsYouGoOfferCode()).isEqualTo(1);
        assertThat(code.counts().freeTrialWinBackOffer())
                .as("\"Win-Back\" matches \"Win-back\"")
                .isEqualTo(1);
        assertThat(code.counts().payAsYouGoWinBackOffer()).isEqualTo(4);
        assertThat(code.counts().activePaid()).isEqualTo(7);
        assertThat(code.counts().activeFreeTrials()).isEqualTo(1);
        assertThat(code.counts().subscribers()).as("blank when three or fewer").isNull();
        assertThat(parsed.countColumns()).containsAll(SubscriptionReportTsv.COUNT_COLUMNS);
        assertThat(parsed.unknownColumns()).as("read past, and said").containsExactly("Offer Reference Code");
    }

    @Test
    void a_missing_required_column_is_unreadable_and_named() {
        String tsv = header().replace("Subscription Apple ID\t", "") + "\n";

        assertThatThrownBy(() -> SubscriptionReportTsv.parse(new StringReader(tsv)))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Subscription Apple ID");
    }

    @Test
    void a_row_cut_short_is_unreadable_not_a_row_of_zeros() {
        String full = row("US", "5", "0");
        String cut = String.join("\t", Arrays.copyOf(full.split("\t", -1), 8));

        assertThatThrownBy(() -> SubscriptionReportTsv.parse(new StringReader(header() + "\n" + cut + "\n")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("cut short");
    }

    @Test
    void a_gzip_stream_cut_short_is_unreadable() {
        byte[] gzip = Fixtures.gzip((header() + "\n" + row("US", "5", "0") + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(gzip, gzip.length - 12);

        assertThatThrownBy(() -> SubscriptionReportTsv.parseGzip(cut, LIMIT))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void a_count_that_is_not_a_number_negative_or_blank_is_unreadable_naming_line_and_column() {
        for (String bad : new String[] {"n/a", "-2", " ", "1.5"}) {
            String tsv = header() + "\n" + row("US", "5", "0") + "\n" + row("GB", "7", bad) + "\n";

            assertThatThrownBy(() -> SubscriptionReportTsv.parse(new StringReader(tsv)))
                    .as("Billing Retry = \"%s\"", bad)
                    .isInstanceOf(UnreadableAnswer.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("Billing Retry");
        }
    }

    @Test
    void a_three_letter_country_becomes_two_letters_and_anything_else_is_unreadable() {
        String tsv = header() + "\n" + row("GBR", "5", "0") + "\n";
        assertThat(SubscriptionReportTsv.parse(new StringReader(tsv))
                        .rows()
                        .get(0)
                        .country())
                .isEqualTo("GB");

        assertThatThrownBy(() -> SubscriptionReportTsv.parse(new StringReader(header() + "\n" + row("XYZ", "5", "0"))))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Country");
    }

    @Test
    void a_file_with_only_a_header_has_no_rows_and_one_without_a_header_is_unreadable() {
        assertThat(SubscriptionReportTsv.parse(new StringReader(header() + "\n"))
                        .rows())
                .isEmpty();
        assertThatThrownBy(() -> SubscriptionReportTsv.parse(new StringReader("")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("header");
    }

    private static String header() {
        return "App Apple ID\tSubscription Name\tSubscription Apple ID\tStandard Subscription Duration\tCustomer Price"
                + "\tCustomer Currency\tDeveloper Proceeds\tProceeds Currency\tCountry"
                + "\tActive Standard Price Subscriptions\tBilling Retry";
    }

    private static String row(String country, String standard, String billingRetry) {
        return "1234567890\tPremium\t1234500002\t1 Month\t4.99\tUSD\t3.49\tUSD\t" + country + "\t" + standard + "\t"
                + billingRetry;
    }
}
