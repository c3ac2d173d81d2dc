/**
 * PromptKit: a pack-first LLM runtime. Sub-packages hold one concern each; {@link dev.promptkit.sdk.PromptKit}
 * is the entry point.
 */
package dev.promptkit;
