package com.example.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The five-minute app as the README builds it, on the mock provider (the key is blanked even where a real one is
 * set): the start-up question is answered after the app's own get_weather tool ran.
 */
@SpringBootTest(properties = "OPENAI_API_KEY=")
@ExtendWith(OutputCaptureExtension.class)
class AssistantApplicationTests {

    @Autowired
    private Conversations conversations;

    @Test
    void theQuestionAtStartUpIsAnsweredByTheMockWhichSaysWhy(CapturedOutput output) {
        assertThat(output).contains("It is sunny in Paris, says your get_weather tool.")
                .contains("Provider 'openai' has no API key (promptkit.providers.openai.api-key is blank): the mock "
                        + "provider answers in its place");
    }

    @Test
    void theAppsOwnToolAnswersTheModelsCall() {
        Response answer = conversations.open("chat").send("What's the weather in Paris?");

        assertThat(answer.toolCalls()).extracting(ToolCall::name).containsExactly("get_weather");
        assertThat(answer.toolResults()).singleElement().extracting(ToolResult::content)
                .isEqualTo("{\"city\":\"Paris\",\"sky\":\"sunny\",\"celsius\":21}");
        assertThat(answer.text()).isEqualTo("It is sunny in Paris, says your get_weather tool.");
    }
}
