package com.storemetrics;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.base.AbstractEntity;
import com.storemetrics.integration.Integration;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.integration.IntegrationsConnected;
import com.storemetrics.payments.FinanceRoles;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.router.Route;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;

/**
 * Keeps the packages apart and the arrows between them one-way, sub-packages included: no cycles
 * between any two packages, views only in {@code ui}, repositories used only in their own package,
 * nobody imports the sandbox and the sandbox imports nothing of ours but {@code base}, accounts know
 * nothing of integrations, and only the lifecycle changes an integration's status.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** Slices by feature (integration with integration.ui, ...), except base, whose packages stand alone. */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith("com.storemetrics.")) {
                return SliceIdentifier.ignore();
            }
            String inside = name.substring("com.storemetrics.".length());
            if (inside.equals("base") || inside.startsWith("base.")) {
                return SliceIdentifier.of(inside);
            }
            int dot = inside.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? inside : inside.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "features of com.storemetrics (base's packages each on their own)";
        }
    };

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.storemetrics");
    }

    @Test
    void feature_packages_have_no_cycles() {
        // A feature with its sub-packages is one slice; base's packages are shared tools, each its own.
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(classes);
    }

    @Test
    void no_package_is_in_a_cycle_not_even_a_sub_package() {
        // Every package its own slice: integration, myintegrations.ui, base.live, ... (issue 23).
        slices().matching("com.storemetrics.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void every_package_says_its_job_in_one_sentence() throws IOException {
        Path sources = Path.of("src/main/java/com/storemetrics");
        List<String> silent;
        try (Stream<Path> tree = Files.walk(sources)) {
            silent = tree.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJava)
                    .filter(directory -> !saysItsJob(directory.resolve("package-info.java")))
                    .map(directory -> sources.relativize(directory).toString())
                    .toList();
        }
        assertThat(silent)
                .as("packages without a package-info.java whose Javadoc says their job")
                .isEmpty();
    }

    @Test
    void accounts_know_nothing_of_integrations() {
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.account..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.storemetrics.integration..",
                        "com.storemetrics.connect..",
                        "com.storemetrics.myintegrations..",
                        "com.storemetrics.support..",
                        "com.storemetrics.verification..",
                        "com.storemetrics.metrics..")
                .because("an account query that asks about integrations belongs with integrations")
                .check(classes);
    }

    @Test
    void integrations_never_depend_on_what_builds_on_them() {
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.integration..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.storemetrics.connect..",
                        "com.storemetrics.myintegrations..",
                        "com.storemetrics.support..",
                        "com.storemetrics.verification..",
                        "com.storemetrics.metrics..")
                .because("the funnel, both read sides, the verifier and store metrics build on integrations")
                .check(classes);
    }

    @Test
    void notices_know_nothing_of_what_causes_them() {
        // The lifecycle, the importer's stall check and the payments import write to the outbox
        // (integration -> notices, metrics -> notices, payments -> notices); the notices never call back.
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.notices..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.storemetrics.account..",
                        "com.storemetrics.integration..",
                        "com.storemetrics.connect..",
                        "com.storemetrics.myintegrations..",
                        "com.storemetrics.support..",
                        "com.storemetrics.verification..",
                        "com.storemetrics.metrics..",
                        "com.storemetrics.payments..",
                        "com.storemetrics.appstore..")
                .because("whatever causes a notice writes it through NoticeOutbox; the mail side never reaches back")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.notices")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void the_read_sides_read_payments_only_through_its_public_read() {
        // Data Integration and support show "Payments: needs the Finance role": read sides -> payments,
        // one way, through FinanceRoles alone (never the importer, its ledger or its tables).
        noClasses()
                .that()
                .resideInAnyPackage("com.storemetrics.myintegrations..", "com.storemetrics.support..")
                .should()
                .dependOnClassesThat(resideInAPackage("com.storemetrics.payments..")
                        .and(DescribedPredicate.not(equivalentTo(FinanceRoles.class))))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.payments..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.storemetrics.myintegrations..",
                        "com.storemetrics.support..",
                        "com.storemetrics.connect..",
                        "com.storemetrics.verification..")
                .check(classes);
    }

    @Test
    void store_metrics_know_nothing_of_payments() {
        // payments -> metrics (the shared pacing, SalesProceeds, the CSV and figure helpers of metrics.ui), one way.
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.storemetrics.payments..")
                .because("the Payments view builds on store metrics, never the other way")
                .check(classes);
    }

    @Test
    void reference_rates_depend_on_no_feature_that_converts_with_them() {
        // metrics, subscriptions and payments -> rates (conversions by date), one way; rates knows only base.
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.rates..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.storemetrics.metrics..",
                        "com.storemetrics.subscriptions..",
                        "com.storemetrics.payments..",
                        "com.storemetrics.integration..",
                        "com.storemetrics.account..",
                        "com.storemetrics.appstore..",
                        "com.storemetrics.security..")
                .because("the pages convert with the rates; the rates know no page, account or Apple class")
                .check(classes);
    }

    @Test
    void the_funnel_and_the_two_read_sides_stay_apart() {
        // The customer's page opens the funnel's dialog: myintegrations.ui -> connect.ui is the one arrow.
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.connect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.storemetrics.myintegrations..", "com.storemetrics.support..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.support..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.storemetrics.myintegrations..", "com.storemetrics.connect..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.myintegrations")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.storemetrics.support..", "com.storemetrics.connect..")
                .check(classes);
    }

    @Test
    void the_sandbox_imports_nothing_of_ours_but_base() {
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.sandbox..")
                .should()
                .dependOnClassesThat(belongToAnotherFeatureThanBase())
                .because("the sandbox plays Apple: our clients reach it over HTTP, and it reaches nothing of ours")
                .check(classes);
    }

    @Test
    void entities_are_equal_by_id_through_one_base_class() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .beAssignableTo(AbstractEntity.class)
                .andShould()
                .notHaveModifier(JavaModifier.ABSTRACT)
                .check(classes);
        noClasses()
                .that()
                .areAnnotatedWith(Entity.class)
                .should(declareTheirOwnEqualsOrHashCode())
                .check(classes);
    }

    @Test
    void views_live_only_in_ui_packages() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void services_and_domain_never_depend_on_views() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..ui..")
                .and()
                .doNotHaveFullyQualifiedName("com.storemetrics.Application")
                // Security configuration names the login view; that is its job.
                .and()
                .areNotAnnotatedWith(Configuration.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void repositories_are_used_only_by_their_own_features_services() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .and()
                .areInterfaces()
                .should(beAccessedOnlyFromTheirOwnPackage())
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void no_other_feature_imports_the_sandbox() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.storemetrics.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.storemetrics.sandbox..")
                .check(classes);
    }

    @Test
    void only_the_lifecycle_changes_an_integrations_status_and_announces_it() {
        // CrossNodeIntegrationUpdates only relays what another node's lifecycle committed.
        noClasses()
                .that()
                .doNotBelongToAnyOf(IntegrationLifecycle.class)
                .and()
                .doNotHaveFullyQualifiedName("com.storemetrics.integration.CrossNodeIntegrationUpdates")
                .and()
                .areNotAssignableTo(IntegrationUpdate.class)
                .should()
                .callMethodWhere(target(owner(type(Integration.class))).and(target(name("changeStatus"))))
                .orShould()
                .callMethodWhere(target(owner(type(Integration.class))).and(target(name("pending"))))
                .orShould()
                .callConstructorWhere(target(owner(assignableTo(IntegrationUpdate.class))))
                .orShould()
                .callConstructorWhere(target(owner(type(IntegrationsConnected.class))))
                .because("one write path changes statuses, appends history, posts notices and publishes events")
                .check(classes);
    }

    @Test
    void views_use_their_features_services_never_apples_clients() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.storemetrics.appstore..")
                .check(classes);
    }

    private static ArchCondition<JavaClass> declareTheirOwnEqualsOrHashCode() {
        return new ArchCondition<>("declare their own equals or hashCode") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                entity.getMethods().stream()
                        .filter(method -> method.getName().equals("equals")
                                || method.getName().equals("hashCode"))
                        .forEach(method -> events.add(SimpleConditionEvent.satisfied(
                                method,
                                entity.getName() + " declares " + method.getName() + " (AbstractEntity has it)")));
            }
        };
    }

    private static DescribedPredicate<JavaClass> belongToAnotherFeatureThanBase() {
        return new DescribedPredicate<>("belong to one of our packages other than sandbox and base") {
            @Override
            public boolean test(JavaClass type) {
                String name = type.getPackageName();
                return (name.equals("com.storemetrics") || name.startsWith("com.storemetrics."))
                        && !name.equals("com.storemetrics.sandbox")
                        && !name.startsWith("com.storemetrics.sandbox.")
                        && !name.equals("com.storemetrics.base")
                        && !name.startsWith("com.storemetrics.base.");
            }
        };
    }

    private static boolean holdsJava(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package-info.java whose Javadoc says something before the package line. */
    private static boolean saysItsJob(Path packageInfo) {
        try {
            String text = Files.readString(packageInfo);
            int start = text.indexOf("/**");
            int end = text.indexOf("*/", start + 3);
            return start >= 0
                    && end > start
                    && end < text.indexOf("package ")
                    && !text.substring(start + 3, end).replace("*", "").isBlank();
        } catch (NoSuchFileException missing) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own (non-ui) package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (var dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean samePackage = origin.getPackageName().equals(repository.getPackageName());
                    if (!samePackage) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                origin.getName() + " uses " + repository.getName() + " from another package"));
                    }
                }
            }
        };
    }
}
