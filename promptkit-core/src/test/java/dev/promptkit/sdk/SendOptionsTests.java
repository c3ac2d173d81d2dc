/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendOptionsTests {

    @TempDir
    Path folder;

    private final RecordingProvider provider = new RecordingProvider(MockProvider.builder().build());

    @Test
    void attachmentsReachTheProviderAsPartsOfTheUserMessageAndAreStored() throws IOException {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
        Path image = Files.write(folder.resolve("photo.PNG"), png);
        Path pdf = Files.write(folder.resolve("terms.pdf"), "%PDF-1.7".getBytes());
        Conversation chat = PromptKit.open(PackLoader.load(Path.of("src/test/resources/sdk/assistant.pack.json")),
                "summary", ConversationOptions.builder().provider(provider).build());

        chat.send("What is this?", SendOptions.imageFile(image), SendOptions.imageUrl("https://example.com/a.jpg", "low"),
                SendOptions.documentFile(pdf));

        Message sent = provider.lastRequest().messages().get(0);
        assertThat(sent.content()).isEqualTo("What is this?");
        assertThat(sent.parts()).extracting(ContentPart::type).containsExactly(ContentPart.Type.IMAGE,
                ContentPart.Type.IMAGE, ContentPart.Type.DOCUMENT);
        assertThat(sent.parts().get(0).media().mimeType()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(sent.parts().get(0).media().data())).isEqualTo(png);
        assertThat(sent.parts().get(1).media().url()).isEqualTo("https://example.com/a.jpg");
        assertThat(sent.parts().get(1).media().detail()).isEqualTo("low");
        assertThat(sent.parts().get(2).media().mimeType()).isEqualTo("application/pdf");
        assertThat(chat.messages().get(0).parts()).hasSize(3);
    }

    @Test
    void audioVideoAndDocumentsReachTheProviderWithTheirMimeTypesAndSourcesAndAreStored() throws IOException {
        byte[] wav = "RIFF$\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        Path memo = Files.write(folder.resolve("memo.WAV"), wav);
        Path clip = Files.write(folder.resolve("clip.mov"), new byte[] { 0, 0, 0, 20, 'f', 't', 'y', 'p' });
        Path notes = Files.write(folder.resolve("notes.txt"), "Buy milk".getBytes(StandardCharsets.UTF_8));
        Conversation chat = PromptKit.open(PackLoader.load(Path.of("src/test/resources/sdk/assistant.pack.json")),
                "summary", ConversationOptions.builder().provider(provider).build());

        chat.send("What is all this?", SendOptions.audioFile(memo), SendOptions.audioData(wav, "audio/mpeg"),
                SendOptions.audioUrl("gs://bucket/talk.flac", "audio/flac"), SendOptions.videoFile(clip),
                SendOptions.videoData(new byte[] { 1 }, "video/webm"),
                SendOptions.videoUrl("https://generativelanguage.googleapis.com/v1beta/files/clip-42", "video/mp4"),
                SendOptions.documentFile(notes), SendOptions.documentData(new byte[] { 2 }, "application/pdf",
                        "terms.pdf"), SendOptions.documentUrl("https://example.com/menu.pdf"),
                SendOptions.documentFileId("file-6F2ksmvXxt4VdoqmHRw6kL"));

        List<ContentPart> parts = provider.lastRequest().messages().get(0).parts();
        assertThat(parts).extracting(ContentPart::type).containsExactly(ContentPart.Type.AUDIO,
                ContentPart.Type.AUDIO, ContentPart.Type.AUDIO, ContentPart.Type.VIDEO, ContentPart.Type.VIDEO,
                ContentPart.Type.VIDEO, ContentPart.Type.DOCUMENT, ContentPart.Type.DOCUMENT,
                ContentPart.Type.DOCUMENT, ContentPart.Type.DOCUMENT);
        assertThat(parts).extracting(part -> part.media().mimeType()).containsExactly("audio/wav", "audio/mpeg",
                "audio/flac", "video/quicktime", "video/webm", "video/mp4", "text/plain", "application/pdf",
                "application/pdf", "application/pdf");
        assertThat(Base64.getDecoder().decode(parts.get(0).media().data())).isEqualTo(wav);
        assertThat(parts.get(2).media().url()).isEqualTo("gs://bucket/talk.flac");
        assertThat(parts).extracting(part -> part.media().filename()).containsExactly(null, null, null, null, null,
                null, "notes.txt", "terms.pdf", null, null);
        assertThat(parts.get(8).media().url()).isEqualTo("https://example.com/menu.pdf");
        assertThat(parts.get(9).media().fileId()).isEqualTo("file-6F2ksmvXxt4VdoqmHRw6kL");
        assertThat(chat.messages().get(0).parts()).isEqualTo(parts);
    }

    @Test
    void aFileOfAnotherKindOrBytesWithoutAMimeTypeFailAtOnceListingWhatFits() throws IOException {
        Path song = Files.write(folder.resolve("song.mp3"), new byte[] { 1 });

        assertThatThrownBy(() -> SendOptions.videoFile(song)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot attach " + song + " as video/*: unsupported file type (supported: [mov, mp4,"
                        + " mpeg, webm])");
        assertThatThrownBy(() -> SendOptions.documentFile(song)).hasMessage("Cannot attach " + song + " as"
                + " application/pdf or text/*: unsupported file type (supported: [md, pdf, txt])");
        assertThatThrownBy(() -> SendOptions.audioData(new byte[] { 1 }, " ")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("MIME type");
        assertThatThrownBy(() -> SendOptions.documentFileId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendOptions.videoUrl(null, "video/mp4")).hasMessage("The video URL must not be"
                + " empty");
    }

    @Test
    void aMissingOrUnsupportedFileFailsAtOnceNamingIt() {
        Path missing = folder.resolve("nope.jpg");
        assertThatThrownBy(() -> SendOptions.imageFile(missing)).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> SendOptions.imageFile(folder.resolve("notes.pdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported file type");
        assertThatThrownBy(() -> SendOptions.imageUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
