package com.storemetrics.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RatesUsedTest {

    static String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH).format(day);
    }

    @Test
    void a_period_names_its_newest_reference_day_and_the_shipped_table_when_some_day_used_it() {
        RatesUsed dec3 = new RatesUsed(LocalDate.of(2026, 12, 3), null, false);
        RatesUsed dec4 = new RatesUsed(LocalDate.of(2026, 12, 4), null, false);
        RatesUsed shipped = new RatesUsed(null, LocalDate.of(2025, 10, 31), true);

        assertThat(RatesUsed.NONE.and(dec4).and(dec3).describe()).isEqualTo("ECB reference rates, Dec 4, 2026");
        assertThat(shipped.describe())
                .isEqualTo("the shipped table of Oct 31, 2025, because no reference rates are imported yet");
        assertThat(dec3.and(shipped).describe())
                .isEqualTo("ECB reference rates, Dec 3, 2026; earlier days: the shipped table of Oct 31, 2025,"
                        + " because no reference rates are imported yet");
    }
}
