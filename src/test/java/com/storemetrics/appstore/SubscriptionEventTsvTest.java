package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Subscription Event report parser against real-file quirks, unknown events and damaged files. */
class SubscriptionEventTsvTest {

    private static final long LIMIT = 1_000_000;

    @Test
    void a_1_3_file_is_read_by_name_with_offers_previous_subscriptions_and_cancellation_reasons() {
        List<SubscriptionEventRow> rows =
                SubscriptionEventTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("subscription-events-1_3.tsv")), LIMIT);

        assertThat(rows).hasSize(7);
        SubscriptionEventRow trial = rows.get(0);
        assertThat(trial.eventDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(trial.type()).isEqualTo(SubscriptionEventType.START_INTRODUCTORY_OFFER);
        assertThat(trial.offerType()).isEqualTo(SubscriptionOfferType.FREE_TRIAL);
        assertThat(trial.subscriptionOfferDuration()).isEqualTo("2 Weeks");
        assertThat(trial.marketingOptInDuration()).as("a single-space blank").isEmpty();
        assertThat(trial.quantity()).isEqualTo(12);
        SubscriptionEventRow cancel = rows.get(1);
        assertThat(cancel.type()).isEqualTo(SubscriptionEventType.CANCEL);
        assertThat(cancel.cancellationReason()).isEqualTo("Price Increase Notice");
        assertThat(cancel.daysBeforeCanceling()).isEqualTo(14);
        assertThat(cancel.offerType()).isEqualTo(SubscriptionOfferType.NONE);
        SubscriptionEventRow crossgrade = rows.get(2);
        assertThat(crossgrade.type()).isEqualTo(SubscriptionEventType.CROSSGRADE);
        assertThat(crossgrade.previousSubscriptionAppleId()).isEqualTo("9745070878");
        SubscriptionEventRow renew = rows.get(3);
        assertThat(renew.proceedsReason()).isEqualTo("Rate After One Year");
        assertThat(renew.consecutivePaidPeriods()).isEqualTo(13);
        assertThat(renew.originalStartDate()).isEqualTo(LocalDate.of(2025, 10, 27));
        SubscriptionEventRow comeBack = rows.get(4);
        assertThat(comeBack.subscriptionOfferName())
                .as("\"Promotional Offer Name\" in 1_3 files")
                .isEqualTo("Come Back Offer");
        assertThat(comeBack.promotionalOfferId()).isEqualTo("comeback50");
        assertThat(rows.get(5).type())
                .as("\"Cancelled\" with two l's")
                .isEqualTo(SubscriptionEventType.CANCELED_FROM_BILLING_RETRY);
        assertThat(rows.get(5).daysCanceled()).isEqualTo(61);
    }

    @Test
    void an_unknown_event_is_kept_with_its_text_and_counted_never_dropped() {
        List<SubscriptionEventRow> rows =
                SubscriptionEventTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("subscription-events-1_3.tsv")), LIMIT);
        SubscriptionEventReport report =
                new SubscriptionEventReport("85000001", LocalDate.of(2026, 11, 27), "1_3", rows);

        assertThat(rows.get(6).event()).isEqualTo("Start Win-back Offer");
        assertThat(rows.get(6).type()).isEqualTo(SubscriptionEventType.UNKNOWN);
        assertThat(report.unknownEvents()).isEqualTo(Map.of("Start Win-back Offer", 2));
    }

    @Test
    void a_column_this_reader_does_not_know_is_read_past_and_named() {
        String tsv = "Event Date\tEvent\tApp Apple ID\tSubscription Apple ID\tCountry\tQuantity\tRetention Offer ID\n"
                + "2026-11-26\tRenew\t1\t2\tUS\t3\tR-7\n";

        SubscriptionEventTsv.Parsed parsed = SubscriptionEventTsv.parseWithColumns(new StringReader(tsv));

        assertThat(parsed.rows())
                .singleElement()
                .extracting(SubscriptionEventRow::quantity)
                .isEqualTo(3);
        assertThat(parsed.unknownColumns()).containsExactly("Retention Offer ID");
    }

    @Test
    void a_2017_file_with_older_column_names_and_three_letter_countries_is_read() {
        List<SubscriptionEventRow> rows =
                SubscriptionEventTsv.parseGzip(Fixtures.gzip(Fixtures.bytes("subscription-events-2017.tsv")), LIMIT);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).country()).isEqualTo("US");
        assertThat(rows.get(0).state()).isEqualTo("VA");
        assertThat(rows.get(0).standardSubscriptionDuration()).isEqualTo("1 Month");
        assertThat(rows.get(0).consecutivePaidPeriods()).isEqualTo(2);
        assertThat(rows.get(0).subscriptionOfferName()).isEmpty();
        assertThat(rows.get(0).paidServiceDaysRecovered()).isNull();
        assertThat(rows.get(1).country()).isEqualTo("GB");
        assertThat(rows.get(1).type()).isEqualTo(SubscriptionEventType.START_INTRODUCTORY_OFFER);
        assertThat(rows.get(1).offerType()).as("\"Trial\" column").isEqualTo(SubscriptionOfferType.FREE_TRIAL);
        assertThat(rows.get(1).subscriptionOfferDuration()).isEqualTo("7 Days");
    }

    @Test
    void a_negative_or_missing_quantity_and_a_bad_date_are_unreadable_naming_line_and_column() {
        String header = "Event Date\tEvent\tApp Apple ID\tSubscription Apple ID\tCountry\tQuantity";
        assertThatThrownBy(() ->
                        SubscriptionEventTsv.parse(new StringReader(header + "\n2026-11-27\tRefund\t1\t2\tUS\t-1\n")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Quantity is negative");
        assertThatThrownBy(() ->
                        SubscriptionEventTsv.parse(new StringReader(header + "\n2026-11-27\tRefund\t1\t2\tUS\t \n")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Quantity is blank");
        assertThatThrownBy(() -> SubscriptionEventTsv.parse(
                        new StringReader(header.replace("\tQuantity", "") + "\n2026-11-27\tRefund\t1\t2\tUS\n")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Quantity");
        assertThatThrownBy(() ->
                        SubscriptionEventTsv.parse(new StringReader(header + "\n27.11.2026\tRefund\t1\t2\tUS\t1\n")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Event Date is not a date");
    }

    @Test
    void extra_fields_in_a_row_are_unreadable_rather_than_shifted() {
        String tsv = "Event Date\tEvent\tApp Apple ID\tSubscription Apple ID\tCountry\tQuantity\n"
                + "2026-11-27\tRenew\t1\t2\tUS\t3\t4\n";

        assertThatThrownBy(() -> SubscriptionEventTsv.parse(new StringReader(tsv)))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("7 fields where the header has 6");
    }
}
