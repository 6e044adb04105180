package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.audioFrame;
import static io.onair.rtmp.live.Media.audioHeader;
import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static io.onair.rtmp.live.Media.metadata;
import static io.onair.rtmp.live.Media.videoHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.message.RtmpMessage;
import org.junit.jupiter.api.Test;

/** An encoder reconnecting after a network drop takes its stream back without losing viewers. */
class TakeoverTest {

  private static final String NAME = "launch";

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final Publication first = hub.publish(NAME);

  private RecordingSubscriber watching() {
    first.push(metadata(0));
    first.push(videoHeader(1));
    first.push(audioHeader(2));
    first.push(keyFrame(3, 400));
    first.push(interFrame(4, 100));
    RecordingSubscriber viewer = RecordingSubscriber.subscribe(hub, NAME);
    assertThat(viewer.drain()).hasSize(5);
    return viewer;
  }

  @Test
  void subscribersStayAndContinueWithTheNewPublishersMediaFromItsFirstKeyFrame() {
    RecordingSubscriber viewer = watching();

    Publication second = hub.publish(NAME);
    RtmpMessage meta = metadata(100);
    RtmpMessage video = videoHeader(101);
    RtmpMessage audio = audioHeader(102);
    second.push(meta);
    second.push(video);
    second.push(audio);
    second.push(interFrame(103, 100));
    RtmpMessage key = keyFrame(104, 400);
    second.push(key);
    RtmpMessage sound = audioFrame(105, 20);
    second.push(sound);

    assertThat(viewer.drain()).containsExactly(meta, video, audio, key, sound);
    assertThat(viewer.closed).isEmpty();
    assertThat(hub.find(NAME).orElseThrow().subscribers()).isEqualTo(1);
  }

  @Test
  void theOldPublicationIsInert() {
    RecordingSubscriber viewer = watching();
    Publication second = hub.publish(NAME);

    assertThat(first.isCurrent()).isFalse();
    assertThat(second.isCurrent()).isTrue();
    assertThat(first.push(keyFrame(50, 400))).isFalse();
    first.end();

    assertThat(hub.isLive(NAME)).isTrue();
    assertThat(viewer.drain()).isEmpty();
    assertThat(viewer.closed).isEmpty();
    RtmpMessage key = keyFrame(200, 400);
    second.push(key);
    assertThat(viewer.drain()).containsExactly(key);
  }

  @Test
  void aJoinerAfterTheTakeoverGetsOnlyTheNewPublishersStart() {
    watching();
    Publication second = hub.publish(NAME);
    RtmpMessage video = videoHeader(101);
    RtmpMessage key = keyFrame(102, 400);
    second.push(video);
    second.push(key);

    assertThat(RecordingSubscriber.subscribe(hub, NAME).drain()).containsExactly(video, key);
  }

  @Test
  void theNewPublicationEndsTheStream() {
    RecordingSubscriber viewer = watching();
    Publication second = hub.publish(NAME);

    second.end();

    assertThat(viewer.closed).containsExactly(CloseReason.PUBLISHER_ENDED);
    assertThat(hub.isLive(NAME)).isFalse();
    assertThat(second.isCurrent()).isFalse();
  }

  @Test
  void theFirstMessageOfTheNewPublisherIsMarkedAsANewTimeline() {
    RecordingSubscriber viewer = watching();
    Subscription subscription = viewer.subscription();
    first.push(interFrame(5, 100));

    Publication second = hub.publish(NAME);
    RtmpMessage header = videoHeader(0);
    second.push(header);
    second.push(keyFrame(0, 400));
    second.push(interFrame(1, 100));

    assertThat(subscription.poll()).isEqualTo(interFrame(5, 100));
    assertThat(subscription.polledNewTimeline()).isFalse();
    assertThat(subscription.poll()).isSameAs(header);
    assertThat(subscription.polledNewTimeline()).isTrue();
    assertThat(subscription.poll()).isEqualTo(keyFrame(0, 400));
    assertThat(subscription.polledNewTimeline()).isFalse();
  }

  @Test
  void aNewTimelineClearedByAnOverflowIsMarkedWhereThePlayerResumes() {
    LiveHub small = new LiveHub(new LiveLimits(4, 1 << 20, 64, 1 << 20, 3));
    Publication before = small.publish(NAME);
    before.push(keyFrame(1000, 400));
    RecordingSubscriber viewer = RecordingSubscriber.subscribe(small, NAME);
    viewer.drain();

    Publication after = small.publish(NAME);
    after.push(keyFrame(0, 400));
    for (int i = 1; i <= 4; i++) {
      after.push(interFrame(i, 100)); // the fourth overflows: the queue is cleared
    }
    after.push(keyFrame(10, 400));

    Subscription subscription = viewer.subscription();
    assertThat(subscription.poll()).isEqualTo(keyFrame(10, 400));
    assertThat(subscription.polledNewTimeline()).isTrue();
  }
}
