/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.ValidatorParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiDetectorTests {

    private final PiiDetector detector = PiiDetector.create(new ValidatorParams(Map.of()));

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            write to bob.smith+news@mail.example.co.uk today  | email
            call (555) 123-4567 now                           | phone
            call 555-123-4567 now                             | phone
            ring +44 20 7946 0958                             | phone
            ring +49 30 1234567                               | phone
            card 4111 1111 1111 1111 thanks                   | credit_card
            card 4111-1111-1111-1111                          | credit_card
            amex 378282246310005                              | credit_card
            card 4111 1111 1111 1111 2 more                   | credit_card
            IBAN DE89 3704 0044 0532 0130 00                  | iban
            IBAN GB82WEST12345698765432                       | iban
            IBAN DE89 3704 0044 0532 0130 00 AND MORE         | iban
            SSN 123-45-6789                                   | ssn
            SSN 123 45 6789                                   | ssn
            """)
    void findsEachKind(String text, String kind) {
        assertThat(detector.find(text)).contains(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            order 4111 1111 1111 1112 (fails Luhn)
            IBAN DE88 3704 0044 0532 0130 00 (fails mod-97)
            meeting on 2024-01-15 at noon
            version 1.2.3.4 released
            ticket 12345678
            SSN 000-12-3456 is not a valid area
            SSN 666-12-3456 is not a valid area
            SSN 912-12-3456 is not a valid area
            SSN 123-00-4567 has no group
            SSN 123-45-0000 has no serial
            mixed separators 123-45 6789
            mail at example dot com
            """)
    void ignoresLookAlikes(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void aCardNumberIsNotAlsoAPhoneNumber() {
        assertThat(detector.find("card 4111111111111111")).containsExactly("credit_card");
    }

    @Test
    void typesLimitWhatIsLookedFor() {
        PiiDetector emailOnly = PiiDetector.create(new ValidatorParams(Map.of("types", List.of("email"))));
        assertThat(emailOnly.find("bob@example.com 4111 1111 1111 1111")).containsExactly("email");
        EvalScore score = emailOnly.evaluate(EvalContext.ofOutput("write bob@example.com"));
        assertThat(score.score()).isZero();
        assertThat(score.message()).isEqualTo("PII found: email");
    }

    @Test
    void anUnknownTypeNamesTheValidOnes() {
        assertThatThrownBy(() -> PiiDetector.create(new ValidatorParams(Map.of("types", List.of("passport")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'passport'").hasMessageContaining("[email, phone, credit_card, iban, ssn]");
    }
}
