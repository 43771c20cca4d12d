package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.HistoryEntry;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Support sees no secret because none is stored: no column of the schema is meant for one (the only
 * password-like column is the users' BCrypt hash), and nothing support shows or hands around has a
 * field for one.
 */
class NoSecretsTest extends SpringTest {

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(token|secret|key|jwt|p8|password|credential).*");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_database_has_no_column_for_a_token_key_jwt_or_password_except_the_users_password_hash() {
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT UPPER(table_name) AS table_name,"
                + " UPPER(column_name) AS column_name FROM information_schema.columns"
                + " WHERE UPPER(table_schema) = 'PUBLIC'");
        assertThat(columns).as("the schema is there").hasSizeGreaterThan(30);

        List<String> secretLike = columns.stream()
                .map(column -> column.get("table_name") + "." + column.get("column_name"))
                .filter(name -> SECRET_LIKE
                        .matcher(name.substring(name.indexOf('.') + 1))
                        .matches())
                .toList();

        // credential_kind says which kind of credential the customer used (ACCESS_TOKEN or API_KEY), never its value.
        assertThat(secretLike).containsExactlyInAnyOrder("APP_USER.PASSWORD_HASH", "INTEGRATION.CREDENTIAL_KIND");
        assertThat(jdbc.queryForList("SELECT DISTINCT credential_kind FROM integration", String.class))
                .isSubsetOf("ACCESS_TOKEN", "API_KEY");
    }

    @Test
    void nothing_support_shows_or_returns_has_a_field_for_a_token_key_or_password() {
        // Support's own types, and integration's read-only types that support shows.
        List<JavaClass> classes = new ArrayList<>(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.storemetrics.support")
                        .stream()
                        .toList());
        classes.addAll(new ClassFileImporter()
                .importClasses(
                        IntegrationOverview.class,
                        HistoryEntry.class,
                        AccountPicture.class,
                        LinkedCustomer.class,
                        Actor.class));
        assertThat(classes)
                .extracting(JavaClass::getSimpleName)
                .contains(
                        "IntegrationOverview",
                        "SupportIntegrationDetails",
                        "SupportIntegrationsView",
                        "SupportDetailsDialog");

        List<String> offending = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            Class<?> type = javaClass.reflect();
            for (Field field : type.getDeclaredFields()) {
                if (SECRET_LIKE.matcher(field.getName()).matches()) {
                    offending.add(type.getName() + "." + field.getName());
                }
                if (field.getType().getName().startsWith("com.storemetrics.appstore.Api")) {
                    offending.add(type.getName() + "." + field.getName() + " : "
                            + field.getType().getSimpleName());
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (SECRET_LIKE.matcher(component.getName()).matches()) {
                        offending.add(type.getName() + "#" + component.getName());
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
