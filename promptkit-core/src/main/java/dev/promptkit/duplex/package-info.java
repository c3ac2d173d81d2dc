/**
 * Bidirectional (duplex) sessions: the types a realtime provider or a voice pipeline exchanges with a
 * duplex {@link dev.promptkit.sdk.Conversation}.
 */
package dev.promptkit.duplex;
