/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.ValidationEvent;
import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.MediaValidationException;
import dev.promptkit.media.TestImages;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.validation.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class MediaConversationTests {

    /** A 4000×3000 photo as a phone takes it, JPEG at quality 90 (over 1 MB). */
    private static byte[] largePhoto;
    private static final byte[] SMALL_PNG = TestImages.png(TestImages.photo(300, 200));

    @TempDir
    Path folder;

    private final RecordingProvider provider = new RecordingProvider(MockProvider.builder().build());
    private final InMemoryStateStore store = new InMemoryStateStore();

    @BeforeAll
    static void drawLargePhoto() {
        largePhoto = TestImages.jpeg(TestImages.photo(4000, 3000));
    }

    /** A pack whose prompt {@code chat} has this {@code media} section ({@code null} for none). */
    static Pack pack(String mediaJson) {
        String json = """
                {"id": "media-sdk-test", "name": "Media SDK test", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"chat": {"id": "chat", "name": "Chat", "version": "1.0.0",
                   "system_template": "You look at pictures."%s}}}
                """.formatted(mediaJson == null ? "" : ", \"media\": " + mediaJson);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "media-sdk-test");
    }

    private ConversationOptions.Builder options() {
        return ConversationOptions.builder().provider(provider).stateStore(store);
    }

    private static SendOption part(MediaContent media) {
        return () -> ContentPart.image(media);
    }

    private static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static BufferedImage decoded(MediaContent media) {
        String base64 = media.data() != null ? media.data() : media.url().substring(media.url().indexOf(',') + 1);
        return TestImages.read(Base64.getDecoder().decode(base64));
    }

    @Test
    void autoResizeShrinksLargeImagesBeforeTheProviderSendsSmallOnesByteForByteAndStoresWhatWasSent()
            throws IOException {
        Path file = Files.write(folder.resolve("scan.png"), TestImages.png(TestImages.withTransparency(2400, 1200)));
        String largeDataUrl = "data:image/jpeg;base64," + base64(largePhoto);
        Conversation chat = PromptKit.open(pack(null), "chat", options().autoResize(1024, 1024).build());

        chat.send("What do you see?", SendOptions.imageData(largePhoto, "image/jpeg"),
                SendOptions.imageData(SMALL_PNG, "image/png"), SendOptions.imageUrl("https://example.com/cat.jpg"),
                part(MediaContent.ofUrl(largeDataUrl, null).withDetail("high")),
                part(MediaContent.ofFile(file.toString(), "image/png")));

        List<ContentPart> sent = provider.lastRequest().messages().get(0).parts();
        MediaContent photo = sent.get(0).media();
        assertThat(photo.mimeType()).isEqualTo("image/jpeg");
        assertThat(decoded(photo).getWidth()).isEqualTo(1024);
        assertThat(decoded(photo).getHeight()).isEqualTo(768);
        assertThat(sent.get(1).media().data()).isEqualTo(base64(SMALL_PNG));
        assertThat(sent.get(1).media().mimeType()).isEqualTo("image/png");
        assertThat(sent.get(2).media()).isEqualTo(MediaContent.ofUrl("https://example.com/cat.jpg", null));
        MediaContent fromDataUrl = sent.get(3).media();
        assertThat(fromDataUrl.url()).startsWith("data:image/jpeg;base64,");
        assertThat(fromDataUrl.mimeType()).isEqualTo("image/jpeg");
        assertThat(fromDataUrl.detail()).isEqualTo("high");
        assertThat(decoded(fromDataUrl).getWidth()).isEqualTo(1024);
        MediaContent fromFile = sent.get(4).media();
        assertThat(fromFile.filePath()).isNull();
        assertThat(fromFile.mimeType()).isEqualTo("image/png");
        assertThat(decoded(fromFile).getWidth()).isEqualTo(1024);
        assertThat(decoded(fromFile).getHeight()).isEqualTo(512);

        Message stored = chat.messages().get(0);
        assertThat(stored.parts()).isEqualTo(sent);
        assertThat(stored.content()).isEqualTo("What do you see?");
    }

    @Test
    void withoutPreprocessingImagesAreSentAsTheyAre() {
        Conversation chat = PromptKit.open(pack(null), "chat", options().build());

        chat.send("What do you see?", SendOptions.imageData(largePhoto, "image/jpeg"));

        assertThat(chat.stageNames()).doesNotContain("image_preprocess", "media_validation");
        assertThat(provider.lastRequest().messages().get(0).parts().get(0).media().data())
                .isEqualTo(base64(largePhoto));
    }

    @Test
    void theMediaStagesComeJustBeforeTheProviderTheTokenBudgetHavingBeenAppliedWhenTheTurnWasPrepared() {
        Conversation chat = PromptKit.open(pack("{\"enabled\": true}"), "chat", options().tokenBudget(8000)
                .imagePreprocessing(ImagePreprocessConfig.DEFAULTS.withQuality(70)).build());

        assertThat(chat.stageNames()).containsExactly("image_preprocess", "media_validation", "provider",
                "state_save");
        assertThat(chat.stageNames().indexOf("provider") - chat.stageNames().indexOf("image_preprocess")).isEqualTo(2);
    }

    @Test
    void aMessageOverThePacksLimitsFailsBeforeTheProviderAndStoresNothing() {
        EventBus bus = EventBus.create();
        List<ValidationEvent> events = new CopyOnWriteArrayList<>();
        bus.subscribeSynchronous(event -> {
            if (event instanceof ValidationEvent validation) {
                events.add(validation);
            }
        });
        Conversation chat = PromptKit.open(pack("""
                {"enabled": true, "supported_types": ["image"], "image": {"max_size_mb": 1, "max_images_per_msg": 2}}
                """), "chat", options().eventBus(bus).build());
        chat.send("A small one first", SendOptions.imageData(SMALL_PNG, "image/png"));
        List<Message> before = chat.messages();

        assertThatThrownBy(() -> chat.send("And this?", SendOptions.imageData(SMALL_PNG, "image/png"),
                SendOptions.imageData(largePhoto, "image/jpeg")))
                .isInstanceOf(MediaValidationException.class).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("image 2 of the message is ")
                .hasMessageEndingWith("; the pack's media.image.max_size_mb is 1");
        StepVerifier.create(chat.stream("Or these?", SendOptions.imageData(SMALL_PNG, "image/png"),
                SendOptions.imageData(SMALL_PNG, "image/png"), SendOptions.imageData(SMALL_PNG, "image/png")))
                .expectErrorMessage("the message has 3 images; the pack's media.image.max_images_per_msg is 2")
                .verify();

        assertThat(provider.requests).hasSize(1);
        assertThat(chat.messages()).isEqualTo(before).hasSize(2);
        assertThat(events).extracting(ValidationEvent::validatorType).containsOnly("media");
        assertThat(events).extracting(ValidationEvent::passed).containsExactly(true, false, false);
    }

    @Test
    void preprocessingBringsAnOversizedPhotoWithinThePacksSizeLimit() {
        assertThat(largePhoto.length).isGreaterThan(1024 * 1024);
        Conversation chat = PromptKit.open(pack("""
                {"enabled": true, "image": {"max_size_mb": 1, "allowed_formats": ["jpg", "png"]}}
                """), "chat", options().autoResize(1024, 1024).build());

        Response answer = chat.send("What is it?", SendOptions.imageData(largePhoto, "image/jpeg"));

        assertThat(answer.text()).isNotEmpty();
        MediaContent sent = provider.lastRequest().messages().get(0).parts().get(0).media();
        assertThat(Base64.getDecoder().decode(sent.data()).length).isLessThan(1024 * 1024);
    }

    @Test
    void autoResizeNeedsARealSize() {
        assertThatThrownBy(() -> ConversationOptions.builder().autoResize(0, 768))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x768");
        assertThat(ConversationOptions.builder().autoResize(800, 600).build().toBuilder().build()
                .media().imagePreprocessing()).isEqualTo(ImagePreprocessConfig.DEFAULTS.withMaxSize(800, 600));
    }
}
