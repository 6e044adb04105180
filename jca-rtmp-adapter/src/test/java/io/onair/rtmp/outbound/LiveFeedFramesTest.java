package io.onair.rtmp.outbound;

import static io.onair.rtmp.outbound.RecordingListener.bytesOf;
import static io.onair.rtmp.outbound.RecordingListener.drain;
import static io.onair.rtmp.outbound.Tags.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import io.onair.rtmp.api.MediaFrame.Track;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.live.Publication;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a feed's consumer gets from what a publisher pushes into a real {@link LiveHub}: the frames
 * of each codec with their kinds, times and codec bytes, the metadata, and the marks a packager
 * needs (takeovers, the 32-bit wrap).
 */
class LiveFeedFramesTest {

  private static final String HALL = "town-hall";

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final RecordingListener listener = new RecordingListener();
  private LiveFeedConnection connection;
  private Publication publication;

  @BeforeEach
  void connect() throws Exception {
    LiveFeedManagedConnectionFactory managed = new LiveFeedManagedConnectionFactory();
    managed.setResourceAdapter(new HubAdapterFake(hub));
    LiveFeedFactory factory =
        (LiveFeedFactory) managed.createConnectionFactory(new ConnectionManagerFake());
    connection = factory.getConnection();
    publication = hub.publish(HALL);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  private LiveFeed subscribe() {
    return connection.subscribe(HALL, listener).orElseThrow();
  }

  private void push(RtmpMessage... messages) {
    for (RtmpMessage message : messages) {
      publication.push(message);
    }
  }

  @Test
  void avcAndAacTagsBecomeFramesWithTheirCodecBytesKindsAndTimes() {
    LiveFeed feed = subscribe();
    push(
        Tags.avcConfig(0),
        Tags.aacConfig(0),
        Tags.avcKey(0, 80, bytes(0, 0, 0, 2, 0x65, 0x88)),
        Tags.aacFrame(21, bytes(0x21, 0x10, 0x05)),
        Tags.avcDelta(40, -40, bytes(0, 0, 0, 1, 0x41)),
        Tags.avcEndOfSequence(80));

    List<MediaFrame> frames = drain(feed);

    assertThat(frames)
        .extracting(
            MediaFrame::track,
            MediaFrame::codec,
            MediaFrame::kind,
            MediaFrame::dts,
            MediaFrame::compositionOffset)
        .containsExactly(
            tuple(Track.VIDEO, "avc1", Kind.CONFIG, 0L, 0),
            tuple(Track.AUDIO, "mp4a", Kind.CONFIG, 0L, 0),
            tuple(Track.VIDEO, "avc1", Kind.KEY, 0L, 80),
            tuple(Track.AUDIO, "mp4a", Kind.KEY, 21L, 0),
            tuple(Track.VIDEO, "avc1", Kind.DELTA, 40L, -40),
            tuple(Track.VIDEO, "avc1", Kind.END_OF_SEQUENCE, 80L, 0));
    assertThat(bytesOf(frames.get(0))).as("the avcC").isEqualTo(Tags.AVCC);
    assertThat(bytesOf(frames.get(1))).as("the AudioSpecificConfig").isEqualTo(Tags.ASC);
    assertThat(bytesOf(frames.get(2))).isEqualTo(bytes(0, 0, 0, 2, 0x65, 0x88));
    assertThat(bytesOf(frames.get(3))).isEqualTo(bytes(0x21, 0x10, 0x05));
    assertThat(frames.get(4).pts()).isZero();
    assertThat(frames.get(5).size()).isZero();
    assertThat(frames).noneMatch(MediaFrame::discontinuity);
  }

  @Test
  void aConsumerJoiningMidStreamStartsWithTheConfigurationsThenTheLastKeyFrame() {
    push(
        Tags.avcConfig(0),
        Tags.aacConfig(0),
        Tags.avcKey(0, 0, bytes(0x65)),
        Tags.avcDelta(40, 0, bytes(0x41)),
        Tags.avcKey(2000, 0, bytes(0x65, 0x01)),
        Tags.aacFrame(2010, bytes(0x21)));

    List<MediaFrame> frames = drain(subscribe());

    assertThat(frames)
        .extracting(MediaFrame::track, MediaFrame::kind, MediaFrame::dts)
        .containsExactly(
            tuple(Track.VIDEO, Kind.CONFIG, 0L),
            tuple(Track.AUDIO, Kind.CONFIG, 0L),
            tuple(Track.VIDEO, Kind.KEY, 2000L),
            tuple(Track.AUDIO, Kind.KEY, 2010L));
  }

  @Test
  void enhancedRtmpTagsCarryTheirFourCcAndACompositionTimeOnlyWhereTheCodecHasOne() {
    LiveFeed feed = subscribe();
    push(
        Tags.enhancedVideo(0, 1, 0, "hvc1", null, bytes(0x01, 0x01, 0x60)),
        Tags.enhancedVideo(0, 1, 1, "hvc1", 33, bytes(0, 0, 0, 1, 0x26)),
        Tags.enhancedVideo(40, 2, 3, "hvc1", null, bytes(0, 0, 0, 1, 0x02)),
        Tags.enhancedAudio(0, 0, "Opus", bytes('O', 'p', 'u', 's')),
        Tags.enhancedAudio(20, 1, "Opus", bytes(0xfc, 0xff)),
        Tags.enhancedVideo(80, 1, 0, "av01", null, bytes(0x81, 0x00)),
        Tags.enhancedVideo(80, 1, 1, "av01", null, bytes(0x12, 0x00)));

    List<MediaFrame> frames = drain(feed);

    assertThat(frames)
        .extracting(
            MediaFrame::track, MediaFrame::codec, MediaFrame::kind, MediaFrame::compositionOffset)
        .containsExactly(
            tuple(Track.VIDEO, "hvc1", Kind.CONFIG, 0),
            tuple(Track.VIDEO, "hvc1", Kind.KEY, 33),
            tuple(Track.VIDEO, "hvc1", Kind.DELTA, 0),
            tuple(Track.AUDIO, "Opus", Kind.CONFIG, 0),
            tuple(Track.AUDIO, "Opus", Kind.KEY, 0),
            tuple(Track.VIDEO, "av01", Kind.CONFIG, 0),
            tuple(Track.VIDEO, "av01", Kind.KEY, 0));
    assertThat(bytesOf(frames.get(1))).isEqualTo(bytes(0, 0, 0, 1, 0x26));
    assertThat(bytesOf(frames.get(2)))
        .as("no composition time to skip")
        .isEqualTo(bytes(0, 0, 0, 1, 0x02));
    assertThat(bytesOf(frames.get(6))).as("AV1 frames have none").isEqualTo(bytes(0x12, 0x00));
  }

  @Test
  void tagsAPackagerCannotUseAndDataMessagesAreNoFrames() {
    LiveFeed feed = subscribe();
    push(
        Tags.avcConfig(0),
        Tags.videoCommand(0),
        Tags.enhancedVideo(0, 1, 1, "xvid", 0, bytes(0x01)),
        Tags.onMetaData(0, Tags.dimensions(640, 360)),
        Tags.avcKey(0, 0, bytes(0x65)));

    assertThat(drain(feed)).extracting(MediaFrame::kind).containsExactly(Kind.CONFIG, Kind.KEY);
  }

  @Test
  void theMetadataIsThePublishersLatestOnMetaDataUpToThePolledFrames() {
    push(
        Tags.onMetaData(0, Tags.dimensions(640, 360)),
        Tags.avcConfig(0),
        Tags.avcKey(0, 0, bytes(0x65)));
    LiveFeed feed = subscribe();
    assertThat(feed.metadata()).as("before any poll").isEmpty();

    assertThat(feed.poll().kind()).isEqualTo(Kind.CONFIG);
    assertThat(feed.poll().kind()).isEqualTo(Kind.KEY);
    assertThat(feed.metadata())
        .containsExactly(
            Map.entry("width", 640.0),
            Map.entry("height", 360.0),
            Map.entry("encoder", "Lavf61.7.100"));

    Map<String, AmfValue> changed = Tags.dimensions(1280, 720);
    changed.put("framerate", new AmfNumber(30));
    push(Tags.onMetaData(100, changed), Tags.avcDelta(140, 0, bytes(0x41)));
    assertThat(feed.poll().kind()).isEqualTo(Kind.DELTA);
    assertThat(feed.metadata()).containsEntry("width", 1280.0).containsEntry("framerate", 30.0);
  }

  @Test
  void unreadableMetadataIsIgnoredAndTheFramesGoOn() {
    LiveFeed feed = subscribe();
    RtmpMessage broken =
        new RtmpMessage(MessageType.DATA_AMF0, 0, 1, bytes(0x02, 0x00, 0x0a, 'o', 'n', 'M'));
    push(broken, Tags.avcConfig(0));
    assertThat(feed.poll().kind()).isEqualTo(Kind.CONFIG);
    assertThat(feed.metadata()).isEmpty();
  }

  @Test
  void theCodecBytesAreReadOnlyAndEachViewStartsAtTheirBeginning() {
    LiveFeed feed = subscribe();
    push(Tags.avcConfig(0));
    MediaFrame config = feed.poll();

    ByteBuffer first = config.data();
    assertThat(first.isReadOnly()).isTrue();
    assertThatThrownBy(() -> first.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
    assertThatThrownBy(first::array).isInstanceOf(ReadOnlyBufferException.class);
    first.get(new byte[4]);
    assertThat(config.data().position()).as("a fresh view").isZero();
    assertThat(config.size()).isEqualTo(Tags.AVCC.length);
  }

  @Test
  void everyConsumerGetsTheSameBytesWhateverAnotherDoesWithItsFrame() {
    LiveFeed one = subscribe();
    LiveFeed other = connection.subscribe(HALL, new RecordingListener()).orElseThrow();
    push(Tags.avcKey(0, 0, bytes(0, 0, 0, 1, 0x65)));

    MediaFrame mine = one.poll();
    mine.data().get(new byte[5]);
    assertThatThrownBy(() -> mine.data().put((byte) 0x7f))
        .isInstanceOf(ReadOnlyBufferException.class);

    MediaFrame theirs = other.poll();
    assertThat(bytesOf(theirs)).isEqualTo(bytes(0, 0, 0, 1, 0x65));
    assertThat(theirs).isEqualTo(mine);
  }

  @Test
  void aPublisherTakingTheChannelOverMarksItsFirstFrameAsADiscontinuity() {
    LiveFeed feed = subscribe();
    push(Tags.avcConfig(0), Tags.avcKey(0, 0, bytes(0x65)), Tags.avcDelta(5000, 0, bytes(0x41)));
    assertThat(drain(feed)).noneMatch(MediaFrame::discontinuity);

    publication = hub.publish(HALL);
    push(
        Tags.onMetaData(0, Tags.dimensions(1280, 720)),
        Tags.avcConfig(0),
        Tags.avcKey(0, 0, bytes(0x65)),
        Tags.avcDelta(40, 0, bytes(0x41)));

    List<MediaFrame> frames = drain(feed);
    assertThat(frames)
        .extracting(MediaFrame::kind, MediaFrame::dts, MediaFrame::discontinuity)
        .containsExactly(
            tuple(Kind.CONFIG, 0L, true),
            tuple(Kind.KEY, 0L, false),
            tuple(Kind.DELTA, 40L, false));
    assertThat(feed.metadata()).containsEntry("width", 1280.0);
  }

  @Test
  void decodeTimesGrowThroughTheWrapOfRtmpTimestamps() {
    LiveFeed feed = subscribe();
    push(
        Tags.avcKey(0xFFFF_FFD8L, 0, bytes(0x65)),
        Tags.aacFrame(0xFFFF_FFF0L, bytes(0x21)),
        Tags.avcDelta(0x10, 0, bytes(0x41)),
        Tags.aacFrame(0xFFFF_FFFFL, bytes(0x21)),
        Tags.avcDelta(0x38, 0, bytes(0x41)));

    assertThat(drain(feed))
        .extracting(MediaFrame::dts)
        .containsExactly(0xFFFF_FFD8L, 0xFFFF_FFF0L, 0x1_0000_0010L, 0xFFFF_FFFFL, 0x1_0000_0038L);
  }
}
