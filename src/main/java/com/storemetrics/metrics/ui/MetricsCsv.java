package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import java.util.List;

/**
 * What the view shows, as CSV: the period's totals, the chart's points and both tables; and
 * {@link #cell}, the one way a store-data page's CSV (Store Metrics, Payments) writes a cell.
 */
public final class MetricsCsv {

    private MetricsCsv() {}

    static String of(Dashboard dashboard, String accountName, String appLabel) {
        String currency = dashboard.displayCurrency();
        StringBuilder csv = new StringBuilder();
        csv.append("Store metrics,")
                .append(cell(accountName))
                .append(',')
                .append(cell(appLabel))
                .append(',')
                .append(dashboard.from())
                .append(',')
                .append(dashboard.to())
                .append('\n');
        csv.append(cell("Proceeds are estimated in " + currency + ", each day at its own exchange rates: "
                        + dashboard.rates().describe() + "; per-currency amounts are exact"))
                .append('\n');
        if (dashboard.settled() != null) {
            csv.append(cell(FigureCards.settled(dashboard.settled()))).append('\n');
        }
        csv.append('\n');
        csv.append(
                        "section,key,name,downloads,redownloads,updates,in_app_and_subscriptions,refunds,proceeds_estimated_")
                .append(currency)
                .append(",proceeds_per_currency,not_converted\n");
        line(csv, "total", "", "This period", dashboard.current());
        line(csv, "total", "", "Previous period", dashboard.previous());
        for (Dashboard.Point point : dashboard.series()) {
            csv.append(dashboard.weekly() ? "week" : "day")
                    .append(',')
                    .append(point.start())
                    .append(",,");
            if (point.reported()) {
                csv.append(point.downloads())
                        .append(",,,,,")
                        .append(point.estimated().toPlainString())
                        .append(",,\n");
            } else {
                csv.append("not reported,,,,,,,\n");
            }
        }
        dashboard.byApp().forEach(app -> line(csv, "app", app.key(), app.label(), app.totals()));
        dashboard
                .byCountry()
                .forEach(country -> line(csv, "country", country.key(), country.label(), country.totals()));
        return csv.toString();
    }

    private static void line(StringBuilder csv, String section, String key, String name, Dashboard.Totals totals) {
        csv.append(section)
                .append(',')
                .append(cell(key))
                .append(',')
                .append(cell(name))
                .append(',')
                .append(totals.units(Bucket.DOWNLOADS))
                .append(',')
                .append(totals.units(Bucket.REDOWNLOADS))
                .append(',')
                .append(totals.units(Bucket.UPDATES))
                .append(',')
                .append(totals.inAppAndSubscriptions())
                .append(',')
                .append(totals.refunds())
                .append(',')
                .append(totals.estimated().toPlainString())
                .append(',')
                .append(cell(String.join(
                        " ",
                        totals.proceeds().entrySet().stream()
                                .map(e -> e.getValue().toPlainString() + " " + e.getKey())
                                .toList())))
                .append(',')
                .append(cell(String.join(" ", List.copyOf(totals.unconverted()))))
                .append('\n');
    }

    /**
     * A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (a leading
     * {@code = + - @} gets an apostrophe, except in a plain number such as {@code -12.30}).
     */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
