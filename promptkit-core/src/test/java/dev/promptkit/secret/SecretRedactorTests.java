/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.test.ExceptionChain;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTests {

    private static final String OPENAI_KEY = "sk-proj-Vx9QkT2mB7rLs4Hd8nWc1Ze6Ya3Pu5Jf0Go";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc";
    private static final String GEMINI_KEY = "AIzaSyB3kQ9vW2xL7mN4pR8sT1uV6yZ0aC5dE";

    private final SecretRedactor redactor = SecretRedactor.of(OPENAI_KEY, ANTHROPIC_KEY, GEMINI_KEY);

    @ParameterizedTest
    @ValueSource(strings = { OPENAI_KEY, ANTHROPIC_KEY, GEMINI_KEY })
    void masksAKeyInAnyCaseAndWithoutItsVendorPrefix(String key) {
        String body = key.substring(key.startsWith("AIza") ? 4 : key.lastIndexOf('-') + 1);

        assertThat(redactor.redact("Incorrect API key provided: " + key + "."))
                .isEqualTo("Incorrect API key provided: [redacted].");
        assertThat(redactor.redact("KEY " + key.toUpperCase(Locale.ROOT) + " IS INVALID"))
                .isEqualTo("KEY [redacted] IS INVALID");
        assertThat(redactor.redact("key " + key.toLowerCase(Locale.ROOT) + " is invalid"))
                .isEqualTo("key [redacted] is invalid");
        assertThat(redactor.redact("the key body " + body + " was revoked")).isEqualTo("the key body [redacted] was"
                + " revoked");
    }

    @Test
    void masksTruncatedAndPartlyMaskedCopiesDownToEightCharacters() {
        assertThat(redactor.redact("key sk-proj-Vx9QkT2m... is invalid")).doesNotContain("Vx9QkT2m");
        assertThat(redactor.redact("key ****Ya3Pu5Jf0Go")).isEqualTo("key ****[redacted]");
        assertThat(redactor.redact("only Ya3Pu5J, seven characters, stay")).contains("Ya3Pu5J");
    }

    @Test
    void leavesAVendorsOwnMaskedFormAsItIs() {
        String masked = "Incorrect API key provided: sk-proj-********************Jf0Go.";

        assertThat(redactor.redact(masked)).isEqualTo(masked);
    }

    @Test
    void masksWhatFollowsBearerOrACredentialHeaderEvenWhenTheSecretIsNotKnown() {
        SecretRedactor none = SecretRedactor.NO_KNOWN_SECRETS;

        assertThat(none.redact("quota for Bearer sk-other-token-123")).isEqualTo("quota for Bearer [redacted]");
        assertThat(none.redact("Authorization: Bearer abc.def.ghi")).isEqualTo("Authorization: Bearer [redacted]");
        assertThat(none.redact("authorization: Basic dXNlcjpwYXNz")).isEqualTo("authorization: Basic [redacted]");
        assertThat(none.redact("{\"Authorization\":\"Bearer [redacted]\"}"))
                .isEqualTo("{\"Authorization\":\"Bearer [redacted]\"}");
        assertThat(none.redact("{\"x-api-key\": \"k-123\", \"x-goog-api-key\":\"g-456\"}"))
                .isEqualTo("{\"x-api-key\": \"[redacted]\", \"x-goog-api-key\":\"[redacted]\"}");
        assertThat(none.redact("sent api-key=azure-789; retry")).isEqualTo("sent api-key=[redacted]; retry");
        assertThat(none.redact("GET /v1beta/models?key=AIzaLeaked&alt=sse"))
                .isEqualTo("GET /v1beta/models?key=[redacted]&alt=sse");
    }

    @Test
    void leavesOrdinaryTextAloneAndIsIdempotent() {
        String text = "Connection reset by peer; the model is overloaded (HTTP 529). Please retry.";

        assertThat(redactor.redact(text)).isSameAs(text);
        String once = redactor.redact("Bearer " + OPENAI_KEY + " and " + GEMINI_KEY);
        assertThat(redactor.redact(once)).isEqualTo(once).isEqualTo("Bearer [redacted] and [redacted]");
        assertThat(redactor.redact((String) null)).isNull();
    }

    @Test
    void aShortSecretIsMaskedOnlyWhole() {
        SecretRedactor shortOne = SecretRedactor.of("sk-reset");

        assertThat(shortOne.redact("Connection reset by peer")).isEqualTo("Connection reset by peer");
        assertThat(shortOne.redact("key SK-RESET refused")).isEqualTo("key [redacted] refused");
    }

    @Test
    void takesTheTokenOfACredentialHeaderAsTheSecretNotItsScheme() {
        List<String> values = SecretRedactor.credentialValues(Map.of("Authorization", "Bearer " + OPENAI_KEY,
                "X-Request-Id", "req-12345678901234", "x-gateway-token", "gw-98765432109876"));
        SecretRedactor fromHeaders = SecretRedactor.of(values);

        assertThat(values).hasSize(2);
        assertThat(fromHeaders.redact("provided: " + OPENAI_KEY + " via gw-98765432109876 for req-12345678901234"))
                .isEqualTo("provided: [redacted] via [redacted] for req-12345678901234");
    }

    @Test
    void aCleanExceptionChainIsKeptAsItIs() {
        IOException cause = new IOException("Connection reset by peer");
        IllegalStateException failure = new IllegalStateException("the call failed", cause);

        assertThat(redactor.redact(failure)).isSameAs(failure);
    }

    @Test
    void aChainThatRevealsASecretIsCopiedMaskedKeepingTypesNamesAndStackTraces() {
        IOException root = new IOException("server said: key " + OPENAI_KEY.toUpperCase(Locale.ROOT));
        IllegalStateException failure = new IllegalStateException("the call failed", root);
        failure.addSuppressed(new IllegalArgumentException("x-api-key: " + ANTHROPIC_KEY));

        Throwable redacted = redactor.redact(failure);

        assertThat(ExceptionChain.text(redacted)).doesNotContainIgnoringCase(OPENAI_KEY.substring(8))
                .doesNotContain(ANTHROPIC_KEY.substring(13));
        assertThat(redacted).isInstanceOf(RedactedException.class).hasMessage("the call failed")
                .hasToString("java.lang.IllegalStateException: the call failed");
        assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(redacted.getCause()).hasToString("java.io.IOException: server said: key [redacted]");
        assertThat(((RedactedException) redacted.getCause()).originalType()).isEqualTo("java.io.IOException");
        assertThat(redacted.getSuppressed()).singleElement()
                .hasToString("java.lang.IllegalArgumentException: x-api-key: [redacted]");
    }
}
