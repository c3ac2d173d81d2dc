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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
    void aMissingOrUnsupportedFileFailsAtOnceNamingIt() {
        Path missing = folder.resolve("nope.jpg");
        assertThatThrownBy(() -> SendOptions.imageFile(missing)).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> SendOptions.imageFile(folder.resolve("notes.pdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported file type");
        assertThatThrownBy(() -> SendOptions.imageUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
