/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases of Ollama's own {@code envconfig} tests, read as a client connects. */
class OllamaHostTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1:11434              | http://127.0.0.1:11434
            1.2.3.4                      | http://1.2.3.4:11434
            1.2.3.4:1234                 | http://1.2.3.4:1234
            :1234                        | http://localhost:1234
            example.com                  | http://example.com:11434
            example.com:1234             | http://example.com:1234
            0.0.0.0                      | http://127.0.0.1:11434
            0.0.0.0:1234                 | http://127.0.0.1:1234
            [::1]                        | http://[::1]:11434
            ::1                          | http://[::1]:11434
            [::1]:1337                   | http://[::1]:1337
            [::]                         | http://[::1]:11434
            [::]:1234                    | http://[::1]:1234
            ' 1.2.3.4 '                  | http://1.2.3.4:11434
            "1.2.3.4"                    | http://1.2.3.4:11434
            ' " 1.2.3.4 " '              | http://1.2.3.4:11434
            '''1.2.3.4'''                | http://1.2.3.4:11434
            http://1.2.3.4               | http://1.2.3.4
            http://1.2.3.4:4321          | http://1.2.3.4:4321
            HTTPS://1.2.3.4              | https://1.2.3.4
            https://0.0.0.0:4321         | https://127.0.0.1:4321
            https://example.com/ollama/  | https://example.com/ollama
            http://localhost:11434/      | http://localhost:11434
            ollama.com                   | https://ollama.com
            """)
    void readsTheValueAsTheOllamaCliDoes(String value, String baseUrl) {
        assertThat(OllamaHost.baseUrl(value)).isEqualTo(baseUrl);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  ", "\"\"" })
    void fallsBackToTheLocalDefault(String value) {
        assertThat(OllamaHost.baseUrl(value)).isEqualTo(OllamaProvider.DEFAULT_BASE_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = { ":66000", ":0", "1.2.3.4:-1", "host:port", "ftp://1.2.3.4", "[::1", "[::1]x",
        "user:secret@host:1" })
    void rejectsWhatIsNeitherAHostNorAUrl(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> OllamaHost.baseUrl(value))
                .withMessageStartingWith("OLLAMA_HOST value '" + value + "' is not a host, host:port or URL: ");
    }
}
