// Runs on the audio thread: turns the microphone (any rate) into 16 kHz mono PCM16 and posts it to the page in
// 40 ms pieces. Each output sample is the average of the input samples it covers, which also filters out what a
// 16 kHz stream cannot carry.
const TARGET_RATE = 16000;
const PIECE_SAMPLES = 640;

class Pcm16Capture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE;
    this.covered = 0;
    this.sum = 0;
    this.count = 0;
    this.piece = new Int16Array(PIECE_SAMPLES);
    this.filled = 0;
  }

  process(inputs) {
    const samples = inputs[0] && inputs[0][0];
    if (!samples) {
      return true;
    }
    for (let i = 0; i < samples.length; i++) {
      this.sum += samples[i];
      this.count++;
      this.covered++;
      if (this.covered >= this.step) {
        this.covered -= this.step;
        this.emit(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }

  emit(value) {
    this.piece[this.filled++] = Math.max(-1, Math.min(1, value)) * 0x7fff;
    if (this.filled === PIECE_SAMPLES) {
      this.port.postMessage(this.piece.buffer, [this.piece.buffer]);
      this.piece = new Int16Array(PIECE_SAMPLES);
      this.filled = 0;
    }
  }
}

registerProcessor('pcm16-capture', Pcm16Capture);
