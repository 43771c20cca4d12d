package com.storemetrics.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | Storemetrics")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final LoginI18n wrongCredentials = LoginI18n.createDefault();
    private final LoginI18n locked = LoginI18n.createDefault();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        // Say nothing about which of the two was wrong.
        wrongCredentials.getErrorMessage().setTitle("Incorrect username or password");
        wrongCredentials.getErrorMessage().setMessage("Check your username and password and try again.");
        wrongCredentials.setAdditionalInformation(null);
        // Said the same way whether or not the account exists.
        locked.getErrorMessage().setTitle("Sign-in paused");
        locked.getErrorMessage()
                .setMessage("Too many failed sign-ins for this account or from this network. "
                        + "Sign-in is paused for a few minutes; try again later.");
        locked.setAdditionalInformation(null);
        login.setI18n(wrongCredentials);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        Paragraph tagline = new Paragraph("Real App Store numbers for your apps.");
        tagline.addClassNames("text-secondary");
        add(new H1("Storemetrics"), tagline, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean isLocked = parameters.containsKey("locked");
        login.setI18n(isLocked ? locked : wrongCredentials);
        login.setError(isLocked || parameters.containsKey("error"));
    }
}
