package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.storemetrics.subscriptions.SubscriptionDashboard.Point;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Locale;

/**
 * Active paid subscriptions (solid line) and free trials (dashed line) per day, or per week above 90
 * days (the week's last published day), drawn on the server as SVG and handed to the browser through
 * the Element API. Days Apple has not published are outlined boxes, never zero. The picture is hidden
 * from screen readers; a text beside it states the same numbers, and the legend names each line by
 * its pattern as well as its colour.
 */
class SubscriptionChart extends Div {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int PAD = 24;

    final Div picture = new Div();
    final Paragraph text = new Paragraph();

    SubscriptionChart() {
        setWidthFull();
        picture.setWidthFull();
        picture.getElement().setAttribute("aria-hidden", "true");
        Span legend = new Span("Solid line: active paid subscriptions. Dashed line: active free trials."
                + " Outlined boxes: days Apple has not published yet.");
        legend.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        legend.getElement().setAttribute("aria-hidden", "true");
        text.addClassNames(LumoUtility.Accessibility.SCREEN_READER_ONLY);
        text.setId("subscription-chart-text");
        add(picture, legend, text);
    }

    void show(SubscriptionDashboard dashboard) {
        List<Point> points = dashboard.series();
        long max = Math.max(
                1,
                points.stream()
                        .mapToLong(point -> Math.max(point.activePaid(), point.freeTrials()))
                        .max()
                        .orElse(1));
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, points.size());
        double plot = HEIGHT - 2.0 * PAD;
        StringBuilder paid = new StringBuilder();
        StringBuilder trials = new StringBuilder();
        StringBuilder unreported = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double x = PAD + i * slot + slot / 2;
            if (!point.reported()) {
                unreported.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%d' width='%.1f' height='%.1f'/>",
                        x - slot * 0.4,
                        PAD,
                        slot * 0.8,
                        plot));
                continue;
            }
            paid.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, HEIGHT - PAD - plot * point.activePaid() / max));
            trials.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, HEIGHT - PAD - plot * point.freeTrials() / max));
        }
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("' width='100%' preserveAspectRatio='none' style='max-height:240px'>")
                .append(String.format(
                        Locale.ROOT,
                        "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='var(--lumo-contrast-30pct)'/>",
                        PAD,
                        HEIGHT - PAD,
                        WIDTH - PAD,
                        HEIGHT - PAD));
        if (!unreported.isEmpty()) {
            svg.append("<g fill='none' stroke='var(--lumo-contrast-30pct)' stroke-dasharray='2 2'>")
                    .append(unreported)
                    .append("</g>");
        }
        line(svg, paid, "stroke='var(--lumo-primary-color)' stroke-width='2'");
        line(svg, trials, "stroke='var(--lumo-success-color)' stroke-width='2' stroke-dasharray='6 4'");
        svg.append("</svg>");
        picture.getElement().setProperty("innerHTML", svg.toString());
        text.setText(describe(dashboard));
    }

    private static void line(StringBuilder svg, StringBuilder points, String style) {
        if (!points.isEmpty()) {
            svg.append("<polyline fill='none' ")
                    .append(style)
                    .append(" points='")
                    .append(points.toString().trim())
                    .append("'/>");
        }
    }

    /** The chart in words, for screen readers: every point's numbers. */
    static String describe(SubscriptionDashboard dashboard) {
        StringBuilder words = new StringBuilder("Chart of active paid subscriptions and free trials")
                .append(dashboard.weekly() ? ", per week (its last published day): " : ", per day: ");
        for (Point point : dashboard.series()) {
            words.append(Figures.DAY.format(point.start())).append(": ");
            if (point.reported()) {
                words.append(Figures.count(point.activePaid()))
                        .append(" paid, ")
                        .append(Figures.count(point.freeTrials()))
                        .append(" free trials; ");
            } else {
                words.append("not reported yet; ");
            }
        }
        return words.toString().trim();
    }
}
