package com.storemetrics.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jsoup.nodes.Element;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts Spring Security's CSRF token into every page as {@code <meta name="_csrf">} and
 * {@code <meta name="_csrf_parameter">}: Vaadin's login form reads them and sends the token with
 * {@code POST /login}, which Spring Security then requires (a foreign page cannot know it).
 */
@Component
class CsrfMetaTags implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (!(response.getVaadinRequest() instanceof VaadinServletRequest servletRequest)) {
                return;
            }
            HttpServletRequest request = servletRequest.getHttpServletRequest();
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                Element head = response.getDocument().head();
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
            }
        });
    }
}
