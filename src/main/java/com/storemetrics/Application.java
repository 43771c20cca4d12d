package com.storemetrics;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Storemetrics Data Integration: customers connect their App Store Connect accounts so the
 * dashboard shows real store numbers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Theme("storemetrics")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
