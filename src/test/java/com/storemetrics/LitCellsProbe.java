package com.storemetrics;

import com.github.mvysny.kaributesting.v10.RenderersKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.SerializableBiConsumer;
import elemental.json.Json;
import elemental.json.JsonArray;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads and clicks Lit-rendered grid cells in Karibu tests, as the browser would: the cell's
 * template with the row's properties filled in (Karibu's own substitution), and a button's click
 * calls the renderer function its {@code @click} names. So a test finds a button by its accessible
 * label and proves that label, its visibility and its function belong together.
 */
public final class LitCellsProbe {

    private LitCellsProbe() {}

    /** The cell as the browser builds it for {@code item}. */
    public static <T> Element cell(Grid<T> grid, String columnKey, T item) {
        LitRenderer<T> renderer = renderer(grid, columnKey);
        String html = RenderersKt.renderLitTemplate(
                com.github.mvysny.kaributools.RenderersKt.getTemplate(renderer), renderer.getValueProviders(), item);
        return Jsoup.parseBodyFragment(html).body();
    }

    /** The accessible labels of the buttons shown (not hidden) in the cell. */
    public static <T> List<String> buttonLabels(Grid<T> grid, String columnKey, T item) {
        return visibleButtons(cell(grid, columnKey, item)).stream()
                .map(button -> button.attr("aria-label"))
                .toList();
    }

    /** The accessible labels of the buttons shown in every Lit-rendered cell of the row. */
    public static <T> List<String> buttonLabelsInRow(Grid<T> grid, T item) {
        return grid.getColumns().stream()
                .filter(column -> column.getRenderer() instanceof LitRenderer<?>)
                .flatMap(column -> buttonLabels(grid, column.getKey(), item).stream())
                .toList();
    }

    /** Clicks the shown button labelled {@code ariaLabel}; fails if the cell has none. */
    public static <T> void click(Grid<T> grid, String columnKey, T item, String ariaLabel) {
        Element button = visibleButtons(cell(grid, columnKey, item)).stream()
                .filter(candidate -> candidate.attr("aria-label").equals(ariaLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + ariaLabel + "' in the row"));
        String binding = button.attr("@click");
        if (!binding.startsWith("${") || !binding.endsWith("}")) {
            throw new AssertionError("Button '" + ariaLabel + "' has no function bound to its click: " + binding);
        }
        String function = binding.substring(2, binding.length() - 1);
        SerializableBiConsumer<T, JsonArray> handler =
                functions(renderer(grid, columnKey)).get(function);
        if (handler == null) {
            throw new AssertionError("The renderer has no function '" + function + "'");
        }
        handler.accept(item, Json.createArray());
    }

    private static List<Element> visibleButtons(Element cell) {
        // Karibu fills ?hidden=${item.x} with the property's value: "true" hides the button.
        return cell.select("vaadin-button").stream()
                .filter(button -> !"true".equals(button.attr("?hidden")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> LitRenderer<T> renderer(Grid<T> grid, String columnKey) {
        Grid.Column<T> column = grid.getColumnByKey(columnKey);
        if (column == null || !(column.getRenderer() instanceof LitRenderer<?> renderer)) {
            throw new AssertionError("Column '" + columnKey + "' is not Lit-rendered");
        }
        return (LitRenderer<T>) renderer;
    }

    /** The renderer's functions by name; Vaadin keeps them private, so a test reads them reflectively. */
    @SuppressWarnings("unchecked")
    private static <T> Map<String, SerializableBiConsumer<T, JsonArray>> functions(LitRenderer<T> renderer) {
        try {
            Field field = LitRenderer.class.getDeclaredField("clientCallables");
            field.setAccessible(true);
            return (Map<String, SerializableBiConsumer<T, JsonArray>>) field.get(renderer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LitRenderer's functions are not readable in this Vaadin version", e);
        }
    }
}
