package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Dashboard;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Downloads (bars) and estimated proceeds (line) per day, or per week above 90 days, drawn on the
 * server as SVG and handed to the browser through the Element API (no chart package). Days Apple
 * has not published are drawn as outlined "not reported" bars, never as zero. The picture is
 * hidden from screen readers; a text alternative beside it says the same in words.
 */
class SalesChart extends Div {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int PAD = 24;

    final Div picture = new Div();
    final Paragraph text = new Paragraph();

    SalesChart() {
        setWidthFull();
        picture.setWidthFull();
        picture.getElement().setAttribute("aria-hidden", "true");
        text.addClassNames(LumoUtility.Accessibility.SCREEN_READER_ONLY);
        text.setId("chart-text");
        add(picture, text);
    }

    void show(Dashboard dashboard) {
        List<Dashboard.Point> points = dashboard.series();
        long maxDownloads = Math.max(
                1, points.stream().mapToLong(Dashboard.Point::downloads).max().orElse(1));
        BigDecimal maxProceeds =
                points.stream().map(Dashboard.Point::estimated).reduce(BigDecimal.ONE, BigDecimal::max);
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, points.size());
        double plot = HEIGHT - 2.0 * PAD;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("' width='100%' preserveAspectRatio='none' style='max-height:240px'>");
        svg.append("<line x1='")
                .append(PAD)
                .append("' y1='")
                .append(HEIGHT - PAD)
                .append("' x2='")
                .append(WIDTH - PAD)
                .append("' y2='")
                .append(HEIGHT - PAD)
                .append("' stroke='var(--lumo-contrast-30pct)'/>");
        // Bars share their fill through a group: a year is 53 weekly bars, and the picture is kept
        // in the open view as one string.
        StringBuilder bars = new StringBuilder();
        StringBuilder unreported = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Dashboard.Point point = points.get(i);
            double x = PAD + i * slot;
            if (!point.reported()) {
                unreported.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%d' width='%.1f' height='%.1f'/>",
                        x + slot * 0.1,
                        PAD,
                        slot * 0.8,
                        plot));
                continue;
            }
            double h = plot * point.downloads() / maxDownloads;
            bars.append(String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f'/>",
                    x + slot * 0.1,
                    HEIGHT - PAD - h,
                    slot * 0.8,
                    h));
            double y = HEIGHT - PAD - plot * point.estimated().doubleValue() / maxProceeds.doubleValue();
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2, y));
        }
        svg.append("<g fill='var(--lumo-primary-color-50pct)'>").append(bars).append("</g>");
        if (!unreported.isEmpty()) {
            svg.append("<g fill='none' stroke='var(--lumo-contrast-30pct)' stroke-dasharray='2 2'>")
                    .append(unreported)
                    .append("</g>");
        }
        if (!line.isEmpty()) {
            svg.append("<polyline fill='none' stroke='var(--lumo-success-color)' stroke-width='2' points='")
                    .append(line.toString().trim())
                    .append("'/>");
        }
        svg.append("</svg>");
        picture.getElement().setProperty("innerHTML", svg.toString());
        text.setText(describe(dashboard));
    }

    /** The chart in words, for screen readers. */
    static String describe(Dashboard dashboard) {
        List<Dashboard.Point> points = dashboard.series();
        StringBuilder words = new StringBuilder("Chart of downloads and estimated proceeds in ")
                .append(dashboard.displayCurrency())
                .append(dashboard.weekly() ? ", per week: " : ", per day: ");
        for (Dashboard.Point point : points) {
            words.append(Figures.DAY.format(point.start())).append(": ");
            if (point.reported()) {
                words.append(Figures.count(point.downloads()))
                        .append(" downloads, ")
                        .append(Figures.money(point.estimated(), dashboard.displayCurrency()))
                        .append("; ");
            } else {
                words.append("not reported yet; ");
            }
        }
        return words.toString().trim();
    }
}
