package io.onair.rtmp.live;

import static io.onair.rtmp.live.Media.audioFrame;
import static io.onair.rtmp.live.Media.interFrame;
import static io.onair.rtmp.live.Media.keyFrame;
import static io.onair.rtmp.live.Media.videoHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.message.RtmpMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A source with a very long keyframe interval costs bounded memory; its joiners wait instead. */
class GopCacheTest {

  private static final String NAME = "all-hands";

  /** The cached bytes after every push; the test fails the moment they pass the bound. */
  private static void pushWithinBound(LiveHub hub, Publication publication, RtmpMessage message) {
    publication.push(message);
    StreamStats stats = hub.find(NAME).orElseThrow();
    assertThat(stats.cachedBytes()).isLessThanOrEqualTo(hub.limits().gopCacheBytes());
    assertThat(stats.cachedMessages()).isLessThanOrEqualTo(hub.limits().gopCacheMessages());
  }

  @ParameterizedTest(name = "{0} messages, {1} bytes")
  @CsvSource({"1000, 10000", "40, 1000000"})
  void anOverlongGopIsDroppedUntilTheNextKeyFrame(int maxMessages, long maxBytes) {
    LiveHub hub = new LiveHub(new LiveLimits(4096, 64L << 20, maxMessages, maxBytes, 3));
    Publication publication = hub.publish(NAME);
    pushWithinBound(hub, publication, videoHeader(0));
    pushWithinBound(hub, publication, keyFrame(1, 1000));
    for (int tag = 2; tag < 200; tag++) {
      pushWithinBound(hub, publication, tag % 2 == 0 ? interFrame(tag, 200) : audioFrame(tag, 50));
    }

    assertThat(hub.find(NAME).orElseThrow().cachedMessages()).isZero();
    RecordingSubscriber joiner = RecordingSubscriber.subscribe(hub, NAME);
    pushWithinBound(hub, publication, interFrame(200, 200));
    assertThat(joiner.drain()).as("a joiner waits for the next key frame").isEmpty();

    RtmpMessage key = keyFrame(201, 1000);
    pushWithinBound(hub, publication, key);
    RtmpMessage after = audioFrame(202, 50);
    pushWithinBound(hub, publication, after);
    assertThat(joiner.drain()).containsExactly(videoHeader(0), key, after);
    assertThat(hub.find(NAME).orElseThrow().cachedMessages()).isEqualTo(2);
    assertThat(RecordingSubscriber.subscribe(hub, NAME).drain())
        .containsExactly(videoHeader(0), key, after);
  }

  @Test
  void aGopThatFitsExactlyIsKept() {
    LiveHub hub = new LiveHub(new LiveLimits(4096, 64L << 20, 3, 1200, 3));
    Publication publication = hub.publish(NAME);
    publication.push(keyFrame(0, 1000));
    publication.push(interFrame(1, 100));
    publication.push(interFrame(2, 100));

    assertThat(hub.find(NAME).orElseThrow().cachedBytes()).isEqualTo(1200);
    assertThat(RecordingSubscriber.subscribe(hub, NAME).drain()).hasSize(3);
  }

  @Test
  void aKeyFrameLargerThanTheCacheIsNotCached() {
    LiveHub hub = new LiveHub(new LiveLimits(4096, 64L << 20, 100, 1000, 3));
    Publication publication = hub.publish(NAME);
    pushWithinBound(hub, publication, keyFrame(0, 1001));
    pushWithinBound(hub, publication, interFrame(1, 100));

    assertThat(hub.find(NAME).orElseThrow().cachedMessages()).isZero();
  }
}
