package dev.promptkit.sdk;

import dev.promptkit.provider.Provider;
import dev.promptkit.provider.mock.MockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider a conversation uses when its options name none. Until real providers are
 * detected from API keys in the environment, this is the built-in mock provider, shared by every
 * such conversation, with one log line saying so.
 */
final class ProviderDetection {

    private static final Logger log = LoggerFactory.getLogger(ProviderDetection.class);

    private ProviderDetection() {
    }

    static Provider detected() {
        return Holder.DETECTED;
    }

    private static final class Holder {
        private static final Provider DETECTED = detect();
    }

    private static Provider detect() {
        log.info("No LLM provider configured: using the built-in mock provider (scripted answers, no API calls)");
        return MockProvider.builder().build();
    }
}
