/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.types.Message;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class CardNumberRedactionTests {

    @Test
    void masksCardNumbersWrittenWithOrWithoutSeparators() {
        assertThat(CardNumberRedaction.mask("Charged 4111 1111 1111 1111 and 5500-0000-0000-0004, order A-1001."))
                .isEqualTo("Charged [card number] and [card number], order A-1001.");
        assertThat(CardNumberRedaction.mask("Order A-1001 costs $89.90")).isEqualTo("Order A-1001 costs $89.90");
    }

    @Test
    void aNumberSplitAcrossDeltasIsMaskedInTheStream() {
        List<String> deltas = List.of("Your card 4111 11", "11 1111 11", "11 was charged; ", "order A-", "1001 ships ",
                "in 2 days");

        List<StreamElement> out = new CardNumberRedaction()
                .process(Flux.fromIterable(deltas).map(StreamElement::text), null).collectList().block();

        String streamed = String.join("", out.stream().filter(StreamElement::isText).map(StreamElement::text).toList());
        assertThat(streamed).isEqualTo("Your card [card number] was charged; order A-1001 ships in 2 days");
        // no delta shown to the client carries a piece of the number
        assertThat(out).filteredOn(StreamElement::isText).extracting(StreamElement::text)
                .noneMatch(text -> text.contains("11"));
    }

    @Test
    void heldBackTextIsFlushedBeforeTheAssistantMessageAndItsContentIsMaskedToo() {
        Message answer = Message.assistant("Card 5500-0000-0000-0004");

        List<StreamElement> out = new CardNumberRedaction().process(Flux.just(StreamElement.text("Card 5500-0000-"),
                StreamElement.text("0000-0004"), StreamElement.message(answer)), null).collectList().block();

        assertThat(out).hasSize(3);
        assertThat(out.get(0).text()).isEqualTo("Card");
        assertThat(out.get(1).text()).isEqualTo(" [card number]");
        assertThat(out.get(2).message().content()).isEqualTo("Card [card number]");
    }
}
