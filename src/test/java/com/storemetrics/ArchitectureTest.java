package com.storemetrics;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.storemetrics.integration.Integration;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.integration.IntegrationsConnected;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Keeps the feature packages apart and the arrows between them one-way. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.storemetrics");
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("com.storemetrics.(*)..").should().beFreeOfCycles().check(classes);
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
                .areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
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

    @Test
    void the_funnel_builds_on_integrations_never_the_other_way() {
        noClasses()
                .that()
                .resideInAPackage("com.storemetrics.integration")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.storemetrics.integration.funnel..")
                .check(classes);
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
