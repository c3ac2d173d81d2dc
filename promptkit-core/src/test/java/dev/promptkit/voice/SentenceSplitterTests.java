/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTests {

    @Test
    void sentencesComeOutAsSoonAsTheirEndHasStreamedIn() {
        SentenceSplitter splitter = new SentenceSplitter();

        assertThat(splitter.add("It is sunny in Pa")).isEmpty();
        assertThat(splitter.add("ris today. Tomor")).containsExactly("It is sunny in Paris today.");
        assertThat(splitter.add("row it will rain! Take an umbrella? ")).containsExactly("Tomorrow it will rain!",
                "Take an umbrella?");
        assertThat(splitter.add("Bye")).isEmpty();
        assertThat(splitter.finish()).containsExactly("Bye");
        assertThat(splitter.finish()).isEmpty();
    }

    @Test
    void shortSentencesAbbreviationsAndNumbersStayWithWhatFollows() {
        SentenceSplitter splitter = new SentenceSplitter();

        List<String> sentences = new ArrayList<>(splitter.add("Hi! Mr. Smith paid 3.50 euros for it. "));
        sentences.addAll(splitter.finish());

        assertThat(sentences).containsExactly("Hi! Mr. Smith paid 3.50 euros for it.");
    }

    @Test
    void closingQuotesLineBreaksAndCjkPunctuationEndSentences() {
        SentenceSplitter splitter = new SentenceSplitter();

        assertThat(splitter.add("She said \"see you tomorrow.\" Then she left")).containsExactly(
                "She said \"see you tomorrow.\"");
        assertThat(splitter.add(" without a word\n- a list item that goes on")).containsExactly(
                "Then she left without a word");
        assertThat(splitter.add("。今日は晴れです。")).containsExactly("- a list item that goes on。");
        assertThat(splitter.finish()).containsExactly("今日は晴れです。");
    }

    @Test
    void textWithoutAnEndIsCutAtItsLastSpaceBeforeTheLimit() {
        SentenceSplitter splitter = new SentenceSplitter();

        List<String> sentences = splitter.add("word ".repeat(100));

        assertThat(sentences).hasSize(1);
        assertThat(sentences.get(0)).hasSizeLessThanOrEqualTo(SentenceSplitter.MAX_CHARS).endsWith("word");
        assertThat(splitter.finish()).singleElement().asString().startsWith("word");
    }
}
