package com.storemetrics.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.VaadinServletContext;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NoPolymerTemplatesTest extends SpringTest {

    @Autowired
    ServletContext servletContext;

    @Test
    void vaadin_answers_the_polymer_question_from_what_it_found_at_start_without_a_class_path_scan() {
        Lookup lookup = new VaadinServletContext(servletContext).getAttribute(Lookup.class);

        DeprecatedPolymerPublishedEventHandler first = lookup.lookup(DeprecatedPolymerPublishedEventHandler.class);
        assertThat(first).isInstanceOf(NoPolymerTemplates.class);
        assertThat(lookup.lookup(DeprecatedPolymerPublishedEventHandler.class))
                .as("a ServiceLoader scan would make a new instance each time")
                .isSameAs(first);
        assertThat(first.isTemplateModelValue(null, null, String.class)).isFalse();
    }
}
