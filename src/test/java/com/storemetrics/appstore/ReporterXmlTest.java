package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReporterXmlTest {

    @Test
    void accounts_are_read_by_element_name_whatever_their_order() {
        assertThat(ReporterXml.accounts(Fixtures.bytes("accounts.xml")))
                .containsExactly(
                        new ReporterAccount("100001", "Pixel Forge Studio"),
                        new ReporterAccount("100002", "Alice Martin & Co"));
    }

    @Test
    void an_apple_id_without_accounts_gets_an_empty_list() {
        assertThat(ReporterXml.accounts(Fixtures.bytes("accounts-empty.xml"))).isEmpty();
    }

    @Test
    void vendors_are_trimmed() {
        assertThat(ReporterXml.vendors(Fixtures.bytes("vendors.xml"))).containsExactly("85000003", "85000004");
    }

    @Test
    void an_account_without_a_number_is_unreadable() {
        byte[] xml = "<Accounts><Account><Name>x</Name></Account></Accounts>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReporterXml.accounts(xml))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("Number");
    }

    @Test
    void an_error_document_is_read_for_its_code_and_message() {
        assertThat(ReporterXml.error(Fixtures.bytes("error.xml")))
                .contains(new ReporterXml.ReporterError("213", "There were no sales for the date specified."));
    }

    @Test
    void an_error_document_is_not_an_accounts_list() {
        assertThatThrownBy(() -> ReporterXml.accounts(Fixtures.bytes("error.xml")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("expected <Accounts>, got <Error>");
    }

    @Test
    void an_external_entity_is_refused_and_never_resolved() {
        assertThatThrownBy(() -> ReporterXml.accounts(Fixtures.bytes("xxe.xml")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(ReporterXml.error(Fixtures.bytes("xxe.xml"))).isEmpty();
    }

    @Test
    void an_entity_expansion_bomb_is_refused() {
        assertThatThrownBy(() -> ReporterXml.accounts(Fixtures.bytes("entity-bomb.xml")))
                .isInstanceOf(UnreadableAnswer.class);
    }

    @Test
    void garbage_is_unreadable_and_is_no_error_document() {
        assertThatThrownBy(() -> ReporterXml.accounts(Fixtures.bytes("garbage.bin")))
                .isInstanceOf(UnreadableAnswer.class);
        assertThat(ReporterXml.error(Fixtures.bytes("garbage.bin"))).isEmpty();
        assertThat(ReporterXml.error(new byte[0])).isEmpty();
    }
}
