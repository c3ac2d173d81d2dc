package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class Pcm16Tests {

    @Test
    void bytesAreLittleEndianSignedSamplesBothWays() {
        byte[] bytes = {0x34, 0x12, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80, (byte) 0xff, 0x7f};

        short[] samples = Pcm16.toSamples(bytes);

        assertThat(samples).containsExactly((short) 0x1234, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE);
        assertThat(Pcm16.toBytes(samples)).containsExactly(bytes);
        assertThatThrownBy(() -> Pcm16.toSamples(new byte[3])).hasMessageContaining("even number of bytes");
    }

    @Test
    void downmixAveragesEachFrameOfInterleavedChannels() {
        short[] stereo = {100, 300, -1000, 1000, 32767, 32767};

        assertThat(Pcm16.downmix(stereo, 2)).containsExactly((short) 200, (short) 0, (short) 32767);
        assertThat(Pcm16.downmix(stereo, 1)).isSameAs(stereo);
        assertThatThrownBy(() -> Pcm16.downmix(new short[3], 2)).hasMessageContaining("whole frames");
    }

    @Test
    void rmsAndDbfsOfKnownSignals() {
        short[] square = {16384, -16384, 16384, -16384};
        short[] sine = Signals.sine(1000, 16_000, 16_000, 0.5);

        assertThat(Pcm16.rms(square, 0, 4)).isEqualTo(16384);
        assertThat(Pcm16.dbfs(Pcm16.rms(square, 0, 4))).isCloseTo(-6.02, within(0.01));
        assertThat(Pcm16.dbfs(Pcm16.rms(sine, 0, sine.length))).as("a half-scale sine: -6 dB, minus 3 dB for a sine")
                .isCloseTo(-9.03, within(0.02));
        assertThat(Pcm16.dbfs(0)).isEqualTo(Pcm16.SILENCE_DBFS);
        assertThat(Pcm16.rms(square, 2, 2)).isZero();
    }

    @Test
    void clipRoundsAndKeepsTheSixteenBitRange() {
        assertThat(Pcm16.clip(1.6)).isEqualTo((short) 2);
        assertThat(Pcm16.clip(40_000)).isEqualTo(Short.MAX_VALUE);
        assertThat(Pcm16.clip(-40_000)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void wavFileHasTheCanonicalHeaderBeforeTheSamples() {
        byte[] pcm = Pcm16.toBytes(new short[] {1, -2, 3, -4});
        byte[] wav = WavFile.of(new AudioChunk(pcm, new AudioFormat(24_000, 2)));

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(36 + pcm.length);
        assertThat(new String(wav, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(header.getInt(16)).isEqualTo(16);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(24_000);
        assertThat(header.getInt(28)).as("byte rate").isEqualTo(96_000);
        assertThat(header.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(pcm.length);
        assertThat(wav).hasSize(WavFile.HEADER_BYTES + pcm.length).endsWith(pcm);
    }
}
