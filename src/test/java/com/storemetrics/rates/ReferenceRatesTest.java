package com.storemetrics.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ReferenceRatesTest extends SpringTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Autowired
    RateImport rateImport;

    @Autowired
    ReferenceRates rates;

    @LocalServerPort
    int port;

    @Test
    void without_any_imported_rate_every_day_converts_at_the_shipped_table_and_says_so() {
        DayRates today = rates.on(LocalDate.now());

        // The shipped table: 1 EUR = 1.16 USD, 1 GBP = 1.32 USD; SAR is missing.
        assertThat(today.toDisplay("EUR", HUNDRED))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("116"));
        assertThat(today.toDisplay("GBP", HUNDRED))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("132"));
        assertThat(today.toDisplay("SAR", HUNDRED)).isEmpty();
        assertThat(today.used().describe())
                .isEqualTo("the shipped table of Oct 31, 2025, because no reference rates are imported yet");
    }

    @Test
    void a_saturday_converts_at_fridays_rates_and_a_day_before_the_first_stored_rate_at_the_shipped_table() {
        rateImport.check();
        NavigableMap<LocalDate, Map<String, BigDecimal>> feed = EcbFeed.history(port);
        LocalDate saturday = LocalDate.now().minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        LocalDate friday = saturday.minusDays(1);
        Map<String, BigDecimal> fridayRates = feed.get(friday);

        DayRates onSaturday = rates.on(saturday);
        assertThat(onSaturday.used()).isEqualTo(new RatesUsed(friday, null, false));
        assertThat(onSaturday.toDisplay("JPY", new BigDecimal("1600")))
                .hasValueSatisfying(usd -> assertThat(usd)
                        .isEqualByComparingTo(EcbFeed.inUsd(fridayRates, "JPY", new BigDecimal("1600"))));
        assertThat(onSaturday.toDisplay("EUR", HUNDRED))
                .hasValueSatisfying(usd -> assertThat(usd)
                        .isEqualByComparingTo(fridayRates.get("USD").multiply(HUNDRED)));
        assertThat(onSaturday.toDisplay("USD", HUNDRED)).hasValue(HUNDRED);
        assertThat(onSaturday.toDisplay("SAR", HUNDRED)).isEmpty();
        assertThat(onSaturday.used().describe()).isEqualTo("ECB reference rates, " + RatesUsedTest.day(friday));

        LocalDate first = feed.ceilingKey(LocalDate.now().minusDays(400));
        DayRates beforeFirst = rates.on(first.minusDays(1));
        assertThat(beforeFirst.toDisplay("EUR", HUNDRED))
                .hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("116"));
        assertThat(beforeFirst.used().describe())
                .isEqualTo("the shipped table of Oct 31, 2025, because no reference rate is stored that early");
        assertThat(beforeFirst.used().and(onSaturday.used()).describe())
                .isEqualTo(
                        "ECB reference rates, " + RatesUsedTest.day(friday)
                                + "; earlier days: the shipped table of Oct 31, 2025, because no reference rate is stored that early");
    }
}
