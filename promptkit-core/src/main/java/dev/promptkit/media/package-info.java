/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Media: images shrunk before they are sent, the pack's media limits, and video frames thinned and shrunk for
 * duplex sessions.
 *
 * <ul>
 * <li>{@link dev.promptkit.media.ImagePreprocessStage} ({@code image_preprocess}), set up by
 * {@code ConversationOptions.imagePreprocessing(config)} or {@code autoResize(width, height)}: scales and re-encodes
 * images over the {@link dev.promptkit.media.ImagePreprocessConfig} limits with an
 * {@link dev.promptkit.media.ImageResizer}.</li>
 * <li>{@link dev.promptkit.media.MediaValidationStage} ({@code media_validation}), present whenever the prompt has a
 * {@code media} section: enforces its {@link dev.promptkit.media.MediaLimits}, failing the turn with a
 * {@link dev.promptkit.media.MediaValidationException}.</li>
 * <li>{@link dev.promptkit.media.FrameProcessor}: frame-rate limit and resizing of the
 * {@link dev.promptkit.duplex.ImageFrame}s of a duplex session, by a
 * {@link dev.promptkit.media.VideoStreamConfig}.</li>
 * </ul>
 *
 * <p>Both stages sit just before the provider, image preprocessing first, so the limits judge what will be sent: an
 * oversized photo that preprocessing brings under {@code max_size_mb} passes.
 */
package dev.promptkit.media;
