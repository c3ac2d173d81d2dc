package dev.promptkit.sample;

import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.InMemoryStateStore;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assistant's conversations: the support pack, answered by the scripted mock provider. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    Conversations conversations(SampleProperties properties) {
        MockProvider mock = MockProvider.builder()
                .script(MockScript.fromClasspath(properties.mockScript()))
                .chunkSize(8)
                .chunkDelay(Duration.ofMillis(15))
                .build();
        return Conversations.builder()
                .pack("support", PackLoader.loadResource(properties.pack()))
                .options(ConversationOptions.builder().provider(mock).stateStore(new InMemoryStateStore()).build())
                .build();
    }
}
