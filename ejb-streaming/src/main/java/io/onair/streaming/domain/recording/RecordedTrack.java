package io.onair.streaming.domain.recording;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.FrameRate;
import io.onair.streaming.media.manifest.TrackKind;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One CMAF track of a broadcast's recording, as the packager described it when the track started,
 * and where its CMAF header is stored. Its segments are {@link RecordedSegment}s.
 */
@Entity
@Table(name = "recorded_track")
public class RecordedTrack {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "broadcast_id", nullable = false)
  private Broadcast broadcast;

  @Column(name = "rendition", nullable = false, length = 32)
  private String rendition;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 8)
  private TrackKind kind;

  @Column(name = "codecs", nullable = false, length = 64)
  private String codecs;

  @Column(name = "timescale", nullable = false)
  private int timescale;

  @Column(name = "width")
  private Integer width;

  @Column(name = "height")
  private Integer height;

  @Column(name = "frame_rate_num")
  private Integer frameRateNumerator;

  @Column(name = "frame_rate_den")
  private Integer frameRateDenominator;

  @Column(name = "sample_rate")
  private Integer sampleRate;

  @Column(name = "channels")
  private Integer channels;

  @Column(name = "peak_bandwidth", nullable = false)
  private long peakBandwidth;

  @Column(name = "average_bandwidth", nullable = false)
  private long averageBandwidth;

  @Column(name = "init_path", nullable = false, length = 255)
  private String initPath;

  protected RecordedTrack() {}

  /**
   * A track of {@code broadcast} whose CMAF header is stored at {@code initPath} (relative to the
   * storage root): that file must be complete before the track is added.
   */
  public RecordedTrack(Broadcast broadcast, TrackDescription description, String initPath) {
    this.broadcast = Objects.requireNonNull(broadcast);
    this.initPath = requirePath(initPath);
    this.rendition = description.track().rendition();
    this.kind = description.track().kind();
    this.timescale = description.timescale();
    if (description instanceof TrackDescription.Video video) {
      describe(video.format());
    } else {
      describe(((TrackDescription.Audio) description).format());
    }
  }

  private void describe(VideoTrack video) {
    codecs = video.codecs();
    width = video.width();
    height = video.height();
    frameRateNumerator = video.frameRate().numerator();
    frameRateDenominator = video.frameRate().denominator();
    peakBandwidth = video.peakBandwidth();
    averageBandwidth = video.averageBandwidth();
  }

  private void describe(AudioTrack audio) {
    codecs = audio.codecs();
    sampleRate = audio.sampleRate();
    channels = audio.channels();
    // AAC from our encoders is constant bit rate: one figure serves as peak and average.
    peakBandwidth = audio.bandwidth();
    averageBandwidth = audio.bandwidth();
  }

  static String requirePath(String path) {
    if (path == null || path.isBlank() || path.length() > 255) {
      throw new IllegalArgumentException("a stored path must be 1 to 255 characters: " + path);
    }
    return path;
  }

  public Long id() {
    return id;
  }

  public Broadcast broadcast() {
    return broadcast;
  }

  public TrackRef ref() {
    return new TrackRef(rendition, kind);
  }

  public boolean isVideo() {
    return kind == TrackKind.VIDEO;
  }

  public int timescale() {
    return timescale;
  }

  /** The CMAF header's path relative to the storage root. */
  public String initPath() {
    return initPath;
  }

  /** The description the track was started with. */
  public TrackDescription description() {
    return isVideo()
        ? new TrackDescription.Video(rendition, timescale, video(peakBandwidth, averageBandwidth))
        : new TrackDescription.Audio(rendition, timescale, audio());
  }

  /** This video track as the manifests describe it, with the bandwidth figures given. */
  public VideoTrack video(long peak, long average) {
    if (!isVideo()) {
      throw new IllegalStateException(ref().directory() + " is not a video track");
    }
    return new VideoTrack(
        codecs,
        width,
        height,
        new FrameRate(frameRateNumerator, frameRateDenominator),
        peak,
        average);
  }

  /** This audio track as the manifests describe it. */
  public AudioTrack audio() {
    if (isVideo()) {
      throw new IllegalStateException(ref().directory() + " is not an audio track");
    }
    return new AudioTrack(codecs, averageBandwidth, sampleRate, channels);
  }
}
