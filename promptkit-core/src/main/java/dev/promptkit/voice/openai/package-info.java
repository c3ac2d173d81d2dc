/** OpenAI's speech-to-text and text-to-speech endpoints, on the shared HTTP provider layer. */
package dev.promptkit.voice.openai;
