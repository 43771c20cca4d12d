package com.storemetrics.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.lang.reflect.Type;

/**
 * Tells Vaadin, once at start, that no argument a browser sends is a Polymer template's model (this
 * application has no Polymer templates). Without it, Vaadin 24.9 asks its lookup for such a handler
 * for every argument of every call a browser makes to the server (a grid's requested range, a cell's
 * button), and, finding none among the services it discovered at start, scans every jar of the class
 * path through a {@code ServiceLoader} each time: under 1,000 customers a quarter of the node's CPU
 * (docs/benchmarks.md, "Stop 37"). Vaadin discovers this class at start (it scans
 * {@code vaadin.allowed-packages} for the types its lookup serves) and answers from then on without
 * a scan. Vaadin's own decoding of the argument then goes on as before.
 */
public class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    @Override
    public boolean isTemplateModelValue(Component instance, JsonValue argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonObject argValue, Type convertedType) {
        throw new UnsupportedOperationException("This application has no Polymer templates");
    }
}
