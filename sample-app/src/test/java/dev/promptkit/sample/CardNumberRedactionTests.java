package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumberRedactionTests {

    @Test
    void masksCardNumbersWrittenWithOrWithoutSeparators() {
        assertThat(CardNumberRedaction.mask("Charged 4111 1111 1111 1111 and 5500-0000-0000-0004, order A-1001."))
                .isEqualTo("Charged [card number] and [card number], order A-1001.");
        assertThat(CardNumberRedaction.mask("Order A-1001 costs $89.90")).isEqualTo("Order A-1001 costs $89.90");
    }
}
