package dev.promptkit.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the sample finds its pack and mock script.
 *
 * @param pack classpath location of the pack
 * @param prompt the prompt new conversations use unless the request names another
 * @param mockScript classpath location of the mock provider's script
 */
@ConfigurationProperties("sample")
public record SampleProperties(String pack, String prompt, String mockScript) {
}
