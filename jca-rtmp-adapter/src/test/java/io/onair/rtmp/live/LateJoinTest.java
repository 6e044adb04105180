package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.audioFrame;
import static io.onair.rtmp.live.Media.audioHeader;
import static io.onair.rtmp.live.Media.cuePoint;
import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static io.onair.rtmp.live.Media.metadata;
import static io.onair.rtmp.live.Media.videoHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a player joining mid-stream gets first: it must be able to decode from its first frame. */
class LateJoinTest {

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final Publication publication = hub.publish("town-hall");

  private void push(RtmpMessage... messages) {
    for (RtmpMessage message : messages) {
      assertThat(publication.push(message)).isTrue();
    }
  }

  @Test
  void aLateJoinerGetsMetadataHeadersThenTheGopFromTheLastKeyFrameThenLive() {
    RtmpMessage meta = metadata(0);
    RtmpMessage video = videoHeader(0);
    RtmpMessage audio = audioHeader(0);
    push(meta, video, audio, keyFrame(0, 500), audioFrame(10, 20), interFrame(33, 100));
    RtmpMessage key = keyFrame(2000, 500);
    List<RtmpMessage> gop =
        List.of(
            key,
            audioFrame(2010, 20),
            interFrame(2033, 100),
            cuePoint(2040),
            interFrame(2066, 100));
    gop.forEach(this::push);

    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");

    assertThat(joiner.drain())
        .containsExactly(
            meta, video, audio, gop.get(0), gop.get(1), gop.get(2), gop.get(3), gop.get(4));
    RtmpMessage live = interFrame(2100, 100);
    push(live);
    assertThat(joiner.drain()).containsExactly(live);
  }

  @Test
  void audioArrivingBeforeTheFirstVideoTagIsNotCachedWithTheGop() {
    push(videoHeader(0), audioFrame(1, 20), audioFrame(2, 20));
    RtmpMessage key = keyFrame(3, 500);
    push(key);

    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");

    assertThat(joiner.drain()).containsExactly(videoHeader(0), key);
  }

  @Test
  void anAudioOnlyStreamStartsLiveWithoutWaitingForAKeyFrame() {
    RtmpMessage meta = metadata(0);
    RtmpMessage audio = audioHeader(0);
    push(meta, audio, audioFrame(1, 20), audioFrame(2, 20));

    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");
    assertThat(joiner.drain()).containsExactly(meta, audio);

    RtmpMessage next = audioFrame(3, 20);
    push(next);
    assertThat(joiner.drain()).containsExactly(next);
  }

  @Test
  void aJoinerBeforeTheFirstKeyFrameWaitsForItAndGetsTheHeadersWithIt() {
    push(metadata(0), videoHeader(0), audioHeader(0));
    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");
    assertThat(joiner.drain()).isEmpty();

    push(interFrame(1, 100), audioFrame(2, 20));
    assertThat(joiner.drain()).isEmpty();

    RtmpMessage key = keyFrame(3, 500);
    push(key);
    assertThat(joiner.drain()).containsExactly(metadata(0), videoHeader(0), audioHeader(0), key);
  }

  @Test
  void theLatestHeadersWinAndANewVideoConfigurationEmptiesTheGop() {
    push(metadata(0), videoHeader(0), audioHeader(0), keyFrame(1, 500), interFrame(2, 100));
    push(metadata(3), videoHeader(4), audioHeader(5));

    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");
    assertThat(joiner.drain()).isEmpty();

    RtmpMessage key = keyFrame(6, 500);
    push(key);
    assertThat(joiner.drain()).containsExactly(metadata(3), videoHeader(4), audioHeader(5), key);
  }

  @Test
  void aRepeatedIdenticalHeaderKeepsTheGop() {
    RtmpMessage key = keyFrame(1, 500);
    push(videoHeader(0), key);
    RtmpMessage sameConfiguration =
        new RtmpMessage(MessageType.VIDEO, 2, 1, videoHeader(0).payload());
    push(sameConfiguration);

    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, "town-hall");

    assertThat(joiner.drain()).containsExactly(videoHeader(0), key);
  }

  @ParameterizedTest
  @EnumSource(
      value = MessageType.class,
      names = {"DATA_AMF0", "DATA_AMF3"})
  void metadataIsRecognisedWithOrWithoutSetDataFrame(MessageType type) {
    RtmpMessage withSetDataFrame = Media.data(type, 0, "@setDataFrame", "onMetaData");
    RtmpMessage bare = Media.data(type, 1, "onMetaData");
    RtmpMessage other = Media.data(type, 2, "@setDataFrame", "onTextData");

    push(withSetDataFrame);
    assertThat(RecordingSubscriber.subscribe(hub, "town-hall").drain())
        .containsExactly(withSetDataFrame);
    push(bare, other);
    assertThat(RecordingSubscriber.subscribe(hub, "town-hall").drain()).containsExactly(bare);
  }
}
