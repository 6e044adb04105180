package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Names, lookups and the end of a stream. */
class LiveHubTest {

  private static final String TOWN_HALL = "town-hall";
  private static final RtmpMessage KEY = keyFrame(0, 400);

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());

  /** Starts the town hall with a key frame and has a viewer join it. */
  private RecordingSubscriber viewerOf(Publication publication) {
    publication.push(KEY);
    return RecordingSubscriber.subscribe(hub, TOWN_HALL);
  }

  @Test
  void aTagReadByTheCallerIsTakenAsReadAndNotReadAgain() {
    Publication publication = hub.publish(TOWN_HALL);
    RtmpMessage key = keyFrame(0, 400);
    // The tag says key frame: the GOP cache starts there, so a joiner gets it.
    publication.push(key, VideoTagParser.parse(key.timestamp(), key.payload()));
    publication.push(interFrame(40, 100));
    assertThat(RecordingSubscriber.subscribe(hub, TOWN_HALL).drain()).startsWith(key);
    // Told it is an inter frame (whatever its bytes say), a key frame starts no GOP.
    RtmpMessage notAKey = keyFrame(80, 400);
    publication.push(notAKey, VideoTagParser.parse(0, interFrame(0, 16).payload()));
    assertThat(RecordingSubscriber.subscribe(hub, TOWN_HALL).drain()).startsWith(key);
  }

  @Test
  void subscribingToANameThatIsNotLiveFindsNothing() {
    assertThat(hub.subscribe("nobody", new RecordingSubscriber())).isEmpty();
    assertThat(hub.isLive("nobody")).isFalse();
    assertThat(hub.find("nobody")).isEmpty();
  }

  @Test
  void endClosesSubscribersOnceAndFreesTheName() {
    Publication publication = hub.publish(TOWN_HALL);
    RecordingSubscriber viewer = viewerOf(publication);

    publication.end();
    publication.end();

    assertThat(viewer.closed).containsExactly(CloseReason.PUBLISHER_ENDED);
    assertThat(viewer.subscription().closeReason()).contains(CloseReason.PUBLISHER_ENDED);
    assertThat(hub.isLive(TOWN_HALL)).isFalse();
    assertThat(hub.liveStreams()).isEmpty();
    assertThat(hub.subscribe(TOWN_HALL, new RecordingSubscriber())).isEmpty();
    assertThat(publication.push(interFrame(1, 100))).isFalse();
  }

  @Test
  void whatWasQueuedBeforeTheEndCanStillBeDrained() {
    Publication publication = hub.publish(TOWN_HALL);
    RecordingSubscriber viewer = viewerOf(publication);
    RtmpMessage last = interFrame(1, 100);
    publication.push(last);

    publication.end();

    assertThat(viewer.drain()).containsExactly(KEY, last);
  }

  @Test
  void aNameFreedByAnEndCanGoLiveAgainWithoutTheOldStreamsState() {
    Publication before = hub.publish(TOWN_HALL);
    RecordingSubscriber old = viewerOf(before);
    before.end();

    Publication after = hub.publish(TOWN_HALL);

    assertThat(after.isCurrent()).isTrue();
    assertThat(RecordingSubscriber.subscribe(hub, TOWN_HALL).drain()).isEmpty();
    assertThat(hub.find(TOWN_HALL).orElseThrow().messagesIn()).isZero();
    after.push(keyFrame(1, 400));
    assertThat(old.drain()).hasSize(1);
    assertThat(old.subscription().isOpen()).isFalse();
  }

  @Test
  void liveStreamsCountSubscribersAndWhatCameIn() {
    Publication b = hub.publish("b");
    Publication a = hub.publish("a");
    a.push(keyFrame(0, 400));
    a.push(interFrame(1, 100));
    b.push(keyFrame(0, 300));
    RecordingSubscriber.subscribe(hub, "a");
    RecordingSubscriber.subscribe(hub, "a");
    RecordingSubscriber.subscribe(hub, "b").subscription().cancel();

    assertThat(hub.liveStreams())
        .containsExactly(
            new StreamStats("a", 2, 2, 500, 2, 500), new StreamStats("b", 0, 1, 300, 1, 300));
    assertThat(hub.find("a")).contains(hub.liveStreams().get(0));
    assertThat(hub.isLive("b")).isTrue();
  }

  @Test
  void aBrokenTagIsRefusedAndSentToNoOne() {
    Publication publication = hub.publish(TOWN_HALL);
    RecordingSubscriber viewer = viewerOf(publication);
    viewer.drain();

    assertThatThrownBy(
            () -> publication.push(new RtmpMessage(MessageType.VIDEO, 1, 1, new byte[0])))
        .isInstanceOf(ProtocolException.class);
    assertThat(viewer.drain()).isEmpty();
    assertThat(hub.find(TOWN_HALL).orElseThrow().messagesIn()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = MessageType.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"AUDIO", "VIDEO", "DATA_AMF0", "DATA_AMF3"})
  void onlyAudioVideoAndDataArePublished(MessageType type) {
    Publication publication = hub.publish(TOWN_HALL);

    assertThatThrownBy(() -> publication.push(new RtmpMessage(type, 0, 1, new byte[4])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(type.name());
  }

  @Test
  void namesMustBeGiven() {
    assertThatThrownBy(() -> hub.publish(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.publish(null)).isInstanceOf(NullPointerException.class);
  }
}
