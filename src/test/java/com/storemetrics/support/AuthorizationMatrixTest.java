package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.storemetrics.KaribuTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kotlin.jvm.functions.Function0;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who may do what, cell by cell: every route and every public method of every public {@code @Service}
 * in com.storemetrics, for an anonymous visitor, a customer (alice) and support (carol). The tables
 * below are the expectation; a new route or service method without a row makes this test fail.
 *
 * <p>Routes are navigated in Karibu; the cell is the view that shows ("denied": an error view).
 * Service cells: "deny" when the security proxy throws AccessDeniedException or
 * AuthenticationCredentialsNotFoundException; "allow" when a method-security check applies and lets
 * the call through; "no check" when no method-security check applies at all (internal services the
 * verifier calls without a user, and the development sandbox). Allowed calls never run the method
 * body: only the bean's own security interceptors run, and the body is replaced by a marker. Denied
 * cells are also confirmed by calling the real proxy (with null or zero arguments), which stops
 * before the body.
 */
class AuthorizationMatrixTest extends KaribuTest {

    private static final String DENIED = "denied";
    private static final String CUSTOMER_ONLY = "deny | allow | deny";
    private static final String SUPPORT_ONLY = "deny | deny | allow";
    /** Called by the background verifier, which has no user; not reachable from any view of another role. */
    /** The embedded App Store Connect sandbox: a development tool, off in production (its console is @PermitAll). */
    private static final String SANDBOX = "no check | no check | no check";

    /** Route -> the view anonymous, alice (customer) and carol (support) end up on. */
    private static final Map<String, String> ROUTES = table(
            "/",
            "LoginView | DataIntegrationView | SupportIntegrationsView",
            "/login",
            "LoginView | LoginView | LoginView",
            "/my-account/data-integration",
            "LoginView | DataIntegrationView | " + DENIED,
            "/my-account/store-metrics",
            "LoginView | StoreMetricsView | " + DENIED,
            "/my-account/subscriptions",
            "LoginView | SubscriptionsView | " + DENIED,
            "/my-account/payments",
            "LoginView | PaymentsView | " + DENIED,
            "/my-account/notifications",
            "LoginView | NotificationsView | " + DENIED,
            "/support/mail",
            "LoginView | " + DENIED + " | SupportMailView",
            "/sandbox/mail",
            "LoginView | SandboxMailView | SandboxMailView",
            "/support/integrations",
            "LoginView | " + DENIED + " | SupportIntegrationsView",
            "/sandbox",
            "LoginView | SandboxConsoleView | SandboxConsoleView");

    /** Service method -> anonymous | customer | support. */
    private static final Map<String, String> SERVICES = table(
            "ConnectionService.serviceAppleId", CUSTOMER_ONLY,
            "ConnectionService.checkAccessToken", CUSTOMER_ONLY,
            "ConnectionService.loadRecentApps", CUSTOMER_ONLY,
            "ConnectionService.checkApiKey", CUSTOMER_ONLY,
            "ConnectionService.checkApiJwt", CUSTOMER_ONLY,
            "ConnectionService.availability", CUSTOMER_ONLY,
            "ConnectionService.sendInvitation", CUSTOMER_ONLY,
            "ConnectionService.finish", CUSTOMER_ONLY,
            "ConnectionService.finishAndTell", CUSTOMER_ONLY,
            "IntegrationService.myIntegrations", CUSTOMER_ONLY,
            "IntegrationService.findMine", CUSTOMER_ONLY,
            "IntegrationService.countMine", CUSTOMER_ONLY,
            "IntegrationService.details", CUSTOMER_ONLY,
            "IntegrationService.remove", CUSTOMER_ONLY,
            "IntegrationService.openNotices", CUSTOMER_ONLY,
            "IntegrationService.dismissNotice", CUSTOMER_ONLY,
            "IntegrationService.checkAgain", CUSTOMER_ONLY,
            "IntegrationService.salesOnlyAmong", CUSTOMER_ONLY,
            "EveryIntegration.search", SUPPORT_ONLY,
            "EveryIntegration.searchAfter", SUPPORT_ONLY,
            "EveryIntegration.count", SUPPORT_ONLY,
            "EveryIntegration.overview", SUPPORT_ONLY,
            "EveryIntegration.history", SUPPORT_ONLY,
            "EveryIntegration.account", SUPPORT_ONLY,
            "EveryIntegration.dataWanted", SUPPORT_ONLY,
            "MetricsService.myAccounts", CUSTOMER_ONLY,
            "MetricsService.lastReportDay", CUSTOMER_ONLY,
            "MetricsService.apps", CUSTOMER_ONLY,
            "MetricsService.dashboard", CUSTOMER_ONLY,
            "SubscriptionService.lastReportDay", CUSTOMER_ONLY,
            "SubscriptionService.myAccounts", CUSTOMER_ONLY,
            "SubscriptionService.choices", CUSTOMER_ONLY,
            "SubscriptionService.dashboard", CUSTOMER_ONLY,
            "PaymentsService.myAccounts", CUSTOMER_ONLY,
            "PaymentsService.overview", CUSTOMER_ONLY,
            "PaymentsService.serviceAppleId", CUSTOMER_ONLY,
            "PaymentsService.importInterval", CUSTOMER_ONLY,
            "NotificationSettings.mine", CUSTOMER_ONLY,
            "NotificationSettings.setEnabled", CUSTOMER_ONLY,
            "NotificationSettings.changeEmail", CUSTOMER_ONLY,
            "SentNotices.newest", SUPPORT_ONLY,
            "VerifierHealthService.status", SUPPORT_ONLY,
            "VerifierHealthService.recheckNow", SUPPORT_ONLY,
            "SupportService.integrations", SUPPORT_ONLY,
            "SupportService.integrationsAfter", SUPPORT_ONLY,
            "SupportService.countIntegrations", SUPPORT_ONLY,
            "SupportService.openDetails", SUPPORT_ONLY,
            "SupportService.health", SUPPORT_ONLY,
            "SupportService.recheckNow", SUPPORT_ONLY,
            "SandboxWorld.snapshot", SANDBOX,
            "SandboxWorld.reset", SANDBOX,
            "SandboxWorld.revokeToken", SANDBOX,
            "SandboxWorld.expireToken", SANDBOX,
            "SandboxWorld.removeMember", SANDBOX,
            // The console's "Give / Take Finance role": the sandbox's members, not ours (off in production).
            "SandboxWorld.changeRoles", SANDBOX,
            "SandboxWorld.inviteFromConsole", SANDBOX,
            "SandboxWorld.acceptInvitation", SANDBOX,
            "SandboxWorld.expireInvitation", SANDBOX,
            "SandboxWorld.advanceClock", SANDBOX,
            "SandboxWorld.requireSalesReportVersion", SANDBOX,
            "SandboxWorld.requiredSalesReportVersion", SANDBOX,
            // For harnesses only (docs/benchmarks.md): a large world; the sandbox is off in production.
            "SandboxWorld.addAccounts", SANDBOX);

    private enum Who {
        ANONYMOUS(null),
        CUSTOMER("alice"),
        SUPPORT("carol");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    private static Routes routes;
    private static JavaClasses mainClasses;

    @Test
    void every_route_and_every_public_service_method_admits_exactly_the_expected_users() throws Exception {
        List<Class<?>> services = publicServices();
        Map<String, List<String>> routeCells = new TreeMap<>();
        Map<String, List<String>> serviceCells = new TreeMap<>();

        for (Who who : Who.values()) {
            freshUi();
            if (who.username != null) {
                login(who.username);
            }
            for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
                // An optional trailing parameter (":id?") is left out: the route without it is the one to walk.
                String path = route.getTemplate().replaceAll("/:[^/]+\\?.*$", "");
                UI.getCurrent().navigate(path);
                routeCells.computeIfAbsent("/" + path, key -> new ArrayList<>()).add(shownView());
            }
            if (who == Who.ANONYMOUS) {
                SecurityContextHolder.getContext()
                        .setAuthentication(new AnonymousAuthenticationToken(
                                "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            }
            for (Class<?> service : services) {
                Object bean = applicationContext.getBean(service);
                Map<String, TreeSet<String>> perName = new LinkedHashMap<>();
                for (Method method : publicMethods(service)) {
                    perName.computeIfAbsent(service.getSimpleName() + "." + method.getName(), key -> new TreeSet<>())
                            .add(access(bean, method));
                }
                perName.forEach((key, outcomes) -> serviceCells
                        .computeIfAbsent(key, k -> new ArrayList<>())
                        .add(String.join("/", outcomes)));
            }
            SecurityContextHolder.clearContext();
        }

        assertThat(joined(routeCells))
                .as("routes: anonymous | customer | support")
                .isEqualTo(new TreeMap<>(ROUTES));
        assertThat(joined(serviceCells))
                .as("service methods: anonymous | customer | support")
                .isEqualTo(new TreeMap<>(SERVICES));
        assertThat(RouteConfiguration.forApplicationScope().getAvailableRoutes())
                .extracting(route -> route.getNavigationTarget().getName())
                .as("every @Route class is registered, so the walk above covers it")
                .containsAll(annotatedRoutes());
    }

    /** What the router shows now: the view's simple name, or "denied" for an error view. */
    private static String shownView() {
        Object target =
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        // Views with @RolesAllowed are Spring beans proxied by method security: name the user class.
        return target instanceof HasErrorParameter<?>
                ? DENIED
                : AopUtils.getTargetClass(target).getSimpleName();
    }

    /** Runs only the bean's method-security interceptors for this method, as the current user. */
    private static String access(Object bean, Method method) throws Exception {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        List<MethodInterceptor> checks = new ArrayList<>();
        if (bean instanceof Advised advised) {
            for (Advisor advisor : advised.getAdvisors()) {
                if (isMethodSecurity(advisor)
                        && advisor instanceof PointcutAdvisor pointcutAdvisor
                        && pointcutAdvisor.getPointcut().getClassFilter().matches(targetClass)
                        && pointcutAdvisor.getPointcut().getMethodMatcher().matches(method, targetClass)) {
                    checks.add((MethodInterceptor) advisor.getAdvice());
                }
            }
        }
        if (checks.isEmpty()) {
            return "no check";
        }
        Object target = AopProxyUtils.getSingletonTarget(bean);
        Object[] arguments = defaultArguments(method);
        try {
            new BodyReplaced(checks, method, target == null ? bean : target, arguments).proceed();
            throw new AssertionError("the probe ends by reaching the body");
        } catch (BodyReached reached) {
            return "allow";
        } catch (AccessDeniedException | AuthenticationCredentialsNotFoundException denied) {
            confirmDeniedByTheRealProxy(bean, method, arguments);
            return "deny";
        } catch (Throwable other) {
            throw new AssertionError(method + " failed in its security check: " + other, other);
        }
    }

    /** Spring Security's method-security advice (wrapped by its registrar, so matched by origin). */
    private static boolean isMethodSecurity(Advisor advisor) {
        return advisor instanceof AuthorizationAdvisor
                || advisor.getAdvice() instanceof AuthorizationAdvisor
                || advisor.getAdvice().getClass().getName().startsWith("org.springframework.security.");
    }

    private static void confirmDeniedByTheRealProxy(Object bean, Method method, Object[] arguments) {
        try {
            method.invoke(bean, arguments);
            throw new AssertionError(method + ": the security check denies it, but the real call went through");
        } catch (InvocationTargetException thrown) {
            assertThat(thrown.getCause())
                    .as("calling %s through its proxy", method)
                    .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object[] defaultArguments(Method method) {
        return Arrays.stream(method.getParameterTypes())
                .map(type -> !type.isPrimitive()
                        ? null
                        : type == boolean.class
                                ? Boolean.FALSE
                                : type == char.class
                                        ? Character.valueOf('\0')
                                        : type == long.class
                                                ? Long.valueOf(0)
                                                : type == double.class
                                                        ? Double.valueOf(0)
                                                        : type == float.class
                                                                ? Float.valueOf(0)
                                                                : (Object) Integer.valueOf(0))
                .toArray();
    }

    private static JavaClasses mainClasses() {
        if (mainClasses == null) {
            mainClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("com.storemetrics");
        }
        return mainClasses;
    }

    private static List<Class<?>> publicServices() {
        return mainClasses().stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(Service.class))
                .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::reflect)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
    }

    private static List<String> annotatedRoutes() {
        return mainClasses().stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(Route.class))
                .map(JavaClass::getName)
                .toList();
    }

    private static List<Method> publicMethods(Class<?> service) {
        return Arrays.stream(service.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> !method.isSynthetic() && !method.isBridge())
                .toList();
    }

    /** A new UI and request, so that no user or layout of the previous walk carries over. */
    private void freshUi() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("com.storemetrics");
        }
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, applicationContext, uiFactory));
    }

    private static Map<String, String> joined(Map<String, List<String>> cells) {
        Map<String, String> result = new TreeMap<>();
        cells.forEach((key, values) -> result.put(key, String.join(" | ", values)));
        return result;
    }

    private static Map<String, String> table(String... keysAndValues) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return table;
    }

    /** Thrown where the method body would start: the security checks let the call through. */
    private static final class BodyReached extends RuntimeException {
        BodyReached() {
            super(null, null, false, false);
        }
    }

    /** A method invocation whose chain is the security interceptors only, and whose body is {@link BodyReached}. */
    private static final class BodyReplaced implements MethodInvocation {
        private final List<MethodInterceptor> chain;
        private final Method method;
        private final Object target;
        private final Object[] arguments;
        private int next;

        BodyReplaced(List<MethodInterceptor> chain, Method method, Object target, Object[] arguments) {
            this.chain = chain;
            this.method = method;
            this.target = target;
            this.arguments = arguments;
        }

        @Override
        public Object proceed() throws Throwable {
            if (next < chain.size()) {
                return chain.get(next++).invoke(this);
            }
            throw new BodyReached();
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Object[] getArguments() {
            return arguments;
        }

        @Override
        public Object getThis() {
            return target;
        }

        @Override
        public java.lang.reflect.AccessibleObject getStaticPart() {
            return method;
        }
    }
}
