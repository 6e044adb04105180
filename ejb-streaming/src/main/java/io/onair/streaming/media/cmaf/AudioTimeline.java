package io.onair.streaming.media.cmaf;

/**
 * Decode times for AAC frames that arrive with FLV's millisecond timestamps. Each AAC access unit
 * holds exactly 1024 (or 960) samples, but 1024 samples at 44.1 kHz last 23.22 ms, so the
 * timestamps alternate between 23 and 24 ms and, scaled to the sample rate, would give durations of
 * 1014 and 1058 ticks: the stream would play with a wobble and drift from the sample count.
 * Counting frames gives the exact timeline; a timestamp more than half a frame ahead of the count
 * (frames lost, a pause in the encoder) restarts the count there.
 *
 * <p>A timestamp behind the count is not followed: decode times must increase, and an encoder whose
 * audio clock runs slow is better served by the sample count than by its clock.
 */
public final class AudioTimeline {

  private final int sampleRate;
  private final int samplesPerFrame;
  private long next = -1;

  public AudioTimeline(TrackFormat.Aac format) {
    this.sampleRate = format.sampleRate();
    this.samplesPerFrame = format.config().samplesPerFrame();
  }

  /** The decode time, in the track's timescale, of the frame stamped {@code millis}. */
  public long decodeTime(long millis) {
    long scaled = Math.multiplyExact(millis, sampleRate) / 1000;
    if (next < 0 || scaled - next > samplesPerFrame / 2) {
      next = scaled;
    }
    long decodeTime = next;
    next += samplesPerFrame;
    return decodeTime;
  }

  /** Samples per frame: the duration of every frame in the track's timescale. */
  public int frameDuration() {
    return samplesPerFrame;
  }
}
