package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.api.MediaFrame;
import io.onair.streaming.media.cmaf.FlvFile;
import io.onair.streaming.media.cmaf.Packaging;
import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.cmaf.SegmenterEvent.PartComplete;
import io.onair.streaming.media.cmaf.SegmenterEvent.SegmentComplete;
import io.onair.streaming.media.cmaf.TrackFormat;
import io.onair.streaming.media.live.LivePackager;
import io.onair.streaming.media.live.PackagedTracks;
import io.onair.streaming.media.manifest.TrackKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The packaging loop on its own thread, woken by a feed filled from another. */
class LivePackagingTest {

  private final List<SegmentComplete> videoSegments = new CopyOnWriteArrayList<>();
  private final AtomicInteger ended = new AtomicInteger();
  private final PackagedTracks sink =
      new PackagedTracks() {
        @Override
        public void initSegment(String r, TrackKind t, TrackFormat f, byte[] bytes) {}

        @Override
        public void part(String r, TrackKind t, PartComplete part) {}

        @Override
        public void segment(String r, TrackKind t, SegmentComplete segment) {
          if (t == TrackKind.VIDEO) {
            videoSegments.add(segment);
          }
        }

        @Override
        public void ended() {
          ended.incrementAndGet();
        }
      };

  @Test
  void framesFromThePublishersThreadArePackagedAndTheEndFinishesTheTracks() throws Exception {
    FlvFile flv = FlvFile.read("/io/onair/streaming/media/cmaf/testdata/sample.flv");
    FeedFake feed = new FeedFake();
    LivePackaging packaging =
        new LivePackaging(new LivePackager("source", SegmentPolicy.DEFAULT, sink));
    feed.listenWith(packaging);
    packaging.attach(feed);
    Thread worker = new Thread(packaging, "packaging");
    worker.start();

    for (MediaFrame frame : flv.feed) {
      feed.offer(frame);
    }
    feed.end();
    worker.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(worker.isAlive()).as("the loop ends with the feed").isFalse();
    assertThat(ended).as("the sink is told the end once").hasValue(1);
    List<SegmentComplete> expected = Packaging.of(flv, SegmentPolicy.DEFAULT).video.segments;
    assertThat(videoSegments).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(videoSegments.get(i).bytes()).isEqualTo(expected.get(i).bytes());
    }
  }

  @Test
  void anInterruptStopsTheLoopAndStillFinishesTheTracks() throws Exception {
    FlvFile flv = FlvFile.read("/io/onair/streaming/media/cmaf/testdata/sample.flv");
    FeedFake feed = new FeedFake();
    LivePackaging packaging =
        new LivePackaging(new LivePackager("source", SegmentPolicy.DEFAULT, sink));
    feed.listenWith(packaging);
    packaging.attach(feed);
    flv.feed.forEach(feed::offer);
    Thread worker = new Thread(packaging, "packaging");
    worker.start();
    for (int wait = 0; wait < 3000 && videoSegments.isEmpty(); wait++) {
      Thread.sleep(10); // the bound only guards against a hang
    }
    worker.interrupt();
    worker.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(worker.isAlive()).isFalse();
    // end() completed the last segment although the feed never ended.
    assertThat(ended).hasValue(1);
    assertThat(videoSegments)
        .hasSameSizeAs(Packaging.of(flv, SegmentPolicy.DEFAULT).video.segments);
  }
}
