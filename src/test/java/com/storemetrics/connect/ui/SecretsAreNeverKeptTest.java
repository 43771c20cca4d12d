package com.storemetrics.connect.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the whole funnel with marker credentials (a token, a .p8 key, minted JWTs), with every
 * logger of ours at DEBUG, and then looks for the markers in every table and every log line.
 */
class SecretsAreNeverKeptTest extends KaribuTest {

    private static final Pattern ANY_JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");
    private static final String UNKNOWN_MARKER_TOKEN = "5ec12e70-0000-4000-8000-00000000beef";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level ourLevel;

    @BeforeEach
    void captureEveryLogLine() {
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = loggers.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = loggers.getLogger("com.storemetrics");
        ourLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        login("alice");
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("com.storemetrics")
                .setLevel(ourLevel);
    }

    @Test
    void no_token_key_or_jwt_is_stored_or_logged_after_the_whole_funnel() {
        ConnectAppStoreDialog dialog = openDialog();
        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, UNKNOWN_MARKER_TOKEN);
        validate(dialog);
        assertThat(dialog.tokenStep.outcome.text()).isNotBlank();

        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, SandboxControl.ALICE_TOKEN);
        validate(dialog);
        ButtonKt._click(dialog.next);
        awaitUntil("apps are loaded", () -> !dialog.accountStep.progress.isVisible());
        selectAndFinish(dialog, "Pixel Forge Studio");

        var key = new SandboxControl(port).apiKeyOf("100003");
        String pem = key.path("privateKeyPem").asText();
        ConnectAppStoreDialog keyDialog = openDialog();
        HasValueUtilsKt._setValue(keyDialog.tokenStep.kind, CredentialKind.API_KEY);
        HasValueUtilsKt._setValue(
                keyDialog.tokenStep.issuerId, key.path("issuerId").asText());
        HasValueUtilsKt._setValue(keyDialog.tokenStep.keyId, key.path("keyId").asText());
        HasValueUtilsKt._setValue(keyDialog.tokenStep.privateKey, pem);
        HasValueUtilsKt._setValue(keyDialog.tokenStep.vendorNumber, "85000003");
        validate(keyDialog);
        ButtonKt._click(keyDialog.next);
        ButtonKt._click(keyDialog.next);
        ButtonKt._click(keyDialog.inviteStep.sendForMe);
        awaitUntil("the invitation is sent", () -> !keyDialog.inviteStep.progress.isVisible());
        HasValueUtilsKt._setValue(keyDialog.inviteStep.confirmed, true);
        ButtonKt._click(keyDialog.finish);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class))
                .isEqualTo(2);

        String pemBody = pem.lines()
                .filter(line -> !line.startsWith("-----"))
                .findFirst()
                .orElseThrow();
        List<String> secrets = List.of(UNKNOWN_MARKER_TOKEN, SandboxControl.ALICE_TOKEN, pemBody);

        String database = databaseDump();
        secrets.forEach(secret -> assertThat(database).doesNotContain(secret));
        assertThat(ANY_JWT.matcher(database).find()).isFalse();

        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : " " + event.getThrowableProxy().getMessage());
            secrets.forEach(secret ->
                    assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret));
            assertThat(ANY_JWT.matcher(line).find()).as("a JWT in: %s", line).isFalse();
        }
    }

    private ConnectAppStoreDialog openDialog() {
        UI.getCurrent().navigate(DataIntegrationView.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("connect-app-store")));
        return _get(ConnectAppStoreDialog.class);
    }

    private static void validate(ConnectAppStoreDialog dialog) {
        ButtonKt._click(dialog.tokenStep.validate);
        awaitUntil("the check with Apple is done", () -> dialog.tokenStep.validate.isEnabled());
    }

    private static void selectAndFinish(ConnectAppStoreDialog dialog, String accountName) {
        DiscoveredAccount account = dialog.accountStep
                .accounts
                .getListDataView()
                .getItems()
                .filter(candidate -> candidate.name().equals(accountName))
                .findFirst()
                .orElseThrow();
        dialog.accountStep.accounts.select(account);
        ButtonKt._click(dialog.next);
        HasValueUtilsKt._setValue(dialog.inviteStep.confirmed, true);
        ButtonKt._click(dialog.finish);
    }

    /** Every value of every row of every table of ours, as text. */
    private String databaseDump() {
        StringBuilder dump = new StringBuilder();
        // Both databases: HSQLDB keeps names in upper case, PostgreSQL in lower case.
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables"
                        + " WHERE UPPER(table_schema) = 'PUBLIC' AND UPPER(table_type) IN ('TABLE', 'BASE TABLE')",
                String.class);
        assertThat(tables.stream().map(name -> name.toUpperCase(Locale.ROOT)))
                .contains("INTEGRATION", "INTEGRATION_EVENT", "STORE_ACCOUNT", "SCHEDULED_TASKS");
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + table + "\"", resultSet -> {
                for (int column = 1; column <= resultSet.getMetaData().getColumnCount(); column++) {
                    Object value = resultSet.getObject(column);
                    dump.append(
                                    value instanceof Blob blob
                                            ? new String(
                                                    blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1)
                                            : value instanceof byte[] bytes // PostgreSQL's BYTEA
                                                    ? new String(bytes, StandardCharsets.ISO_8859_1)
                                                    : String.valueOf(value))
                            .append('\t');
                }
                dump.append('\n');
            });
        }
        assertThat(dump).contains("Pixel Forge Studio");
        return dump.toString();
    }
}
