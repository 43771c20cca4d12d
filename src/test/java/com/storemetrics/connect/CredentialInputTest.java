package com.storemetrics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.connect.CredentialInput.Shape;
import org.junit.jupiter.api.Test;

class CredentialInputTest {

    @Test
    void blank_input_is_empty() {
        assertThat(CredentialInput.shapeOf(null)).isEqualTo(Shape.EMPTY);
        assertThat(CredentialInput.shapeOf(" \n\t ")).isEqualTo(Shape.EMPTY);
    }

    @Test
    void a_reporter_token_is_recognised_even_with_surrounding_white_space() {
        assertThat(CredentialInput.shapeOf("  a11ce000-0000-4000-8000-000000000002\n"))
                .isEqualTo(Shape.REPORTER_TOKEN);
    }

    @Test
    void three_dot_separated_base64url_parts_are_a_jwt() {
        assertThat(CredentialInput.shapeOf("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"))
                .isEqualTo(Shape.JWT);
    }

    @Test
    void more_than_4_kb_is_too_long_whatever_it_contains() {
        assertThat(CredentialInput.shapeOf("a".repeat(CredentialInput.MAX_LENGTH + 1)))
                .isEqualTo(Shape.TOO_LONG);
        assertThat(CredentialInput.shapeOf("a".repeat(CredentialInput.MAX_LENGTH)))
                .isNotEqualTo(Shape.TOO_LONG);
    }

    @Test
    void prose_markup_and_injection_attempts_are_unrecognised() {
        assertThat(CredentialInput.shapeOf("my token is 1234")).isEqualTo(Shape.UNRECOGNISED);
        assertThat(CredentialInput.shapeOf("<script>alert(1)</script>")).isEqualTo(Shape.UNRECOGNISED);
        assertThat(CredentialInput.shapeOf("' OR 1=1 --")).isEqualTo(Shape.UNRECOGNISED);
        assertThat(CredentialInput.shapeOf("short")).isEqualTo(Shape.UNRECOGNISED);
        assertThat(CredentialInput.shapeOf("a.b")).isEqualTo(Shape.UNRECOGNISED);
    }
}
