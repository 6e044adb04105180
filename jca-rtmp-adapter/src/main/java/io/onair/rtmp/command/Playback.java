package io.onair.rtmp.command;

import io.onair.rtmp.flv.AudioTagParser;
import io.onair.rtmp.flv.FrameKind;
import io.onair.rtmp.flv.VideoTagParser;
import io.onair.rtmp.live.CloseReason;
import io.onair.rtmp.live.Subscriber;
import io.onair.rtmp.live.Subscription;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.session.Outgoing;
import io.onair.rtmp.session.RtmpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A NetStream playing a live channel: it drains its hub subscription into the connection with one
 * write in flight at a time. What the player cannot take yet therefore stays in the subscription's
 * bounded queue, where a slow player skips to the next key frame or is closed, and never piles up
 * in the transport's write queue, which has no bound.
 *
 * <p><b>Threads.</b> Whoever finds the playback idle runs the drain loop: the publisher's thread
 * (through {@link #available()}), or the transport's when a write completes. The flags under {@code
 * lock} make sure one thread at a time is in the loop and that a wake-up is never lost; the loop's
 * own state ({@link #timeline}, {@link #videoFrom}) is touched only inside it.
 */
final class Playback implements Subscriber {

  private static final Logger LOG = Logger.getLogger(Playback.class.getName());

  /** Chunk streams as Adobe's servers use them: status and data 5, audio 6, video 7. */
  static final int AUDIO_CHUNK_STREAM = 6;

  static final int VIDEO_CHUNK_STREAM = 7;

  /** One write carries at most this much: enough to amortise a syscall, little to hold back. */
  static final int BATCH_MESSAGES = 64;

  static final int BATCH_BYTES = 256 * 1024;

  private final RtmpSession session;
  private final int streamId;
  private final String channel;
  private final PlayTimeline timeline = new PlayTimeline();

  private final Object lock = new Object();
  private Subscription subscription;
  private boolean draining;
  private boolean writing;
  private boolean wokenWhileDraining;
  private boolean finished;

  private volatile boolean receiveAudio = true;
  private volatile boolean receiveVideo = true;

  /** Video frames are skipped until a key frame while this is set (after receiveVideo(true)). */
  private boolean videoFrom;

  Playback(RtmpSession session, int streamId, String channel) {
    this.session = session;
    this.streamId = streamId;
    this.channel = channel;
  }

  String channel() {
    return channel;
  }

  /** Starts draining; call after Play.Start was sent, so no media goes before it. */
  void start(Subscription subscription) {
    boolean stopped;
    synchronized (lock) {
      this.subscription = subscription;
      stopped = finished;
    }
    if (stopped) {
      // The player left while it was being subscribed.
      subscription.cancel();
      return;
    }
    wake();
  }

  /** Stops for good: the subscription is left, nothing more is sent. */
  void stop() {
    Subscription leaving;
    synchronized (lock) {
      finished = true;
      leaving = subscription;
    }
    if (leaving != null) {
      leaving.cancel();
    }
  }

  /** NetStream.receiveAudio (RTMP 1.0 7.2.2.2): audio frames stop or resume; headers still go. */
  void receiveAudio(boolean receive) {
    receiveAudio = receive;
  }

  /**
   * NetStream.receiveVideo (RTMP 1.0 7.2.2.3): video frames stop, or resume from the next key frame
   * (inter frames without theirs would be garbage to the decoder); headers still go.
   */
  void receiveVideo(boolean receive) {
    receiveVideo = receive;
  }

  @Override
  public void available() {
    wake();
  }

  /**
   * A slow player goes at once: its write may never complete. The end of the stream is announced by
   * the drain loop, after what was queued before it.
   */
  @Override
  public void closed(CloseReason reason) {
    if (reason == CloseReason.SLOW_CONSUMER) {
      end(reason);
    } else {
      wake();
    }
  }

  private void wake() {
    synchronized (lock) {
      if (draining) {
        wokenWhileDraining = true;
        return;
      }
      if (writing || finished || subscription == null) {
        // A write in flight drains again when it completes; before start() there is nothing yet.
        return;
      }
      draining = true;
    }
    drain();
  }

  private void written() {
    synchronized (lock) {
      writing = false;
      if (draining || finished) {
        // The draining thread sees writing == false and carries on itself.
        return;
      }
      draining = true;
    }
    drain();
  }

  private void drain() {
    while (true) {
      List<Outgoing> batch = nextBatch();
      synchronized (lock) {
        if (batch.isEmpty()) {
          if (wokenWhileDraining && !finished) {
            wokenWhileDraining = false;
            continue;
          }
          draining = false;
          return;
        }
        wokenWhileDraining = false;
        writing = true;
      }
      boolean sent = session.send(batch, this::written);
      synchronized (lock) {
        if (!sent) {
          finished = true;
        }
        if (writing || finished) {
          draining = false;
          return;
        }
      }
    }
  }

  /** Polls what goes out in the next write; empty when nothing does. */
  private List<Outgoing> nextBatch() {
    List<Outgoing> batch = new ArrayList<>();
    long bytes = 0;
    while (batch.size() < BATCH_MESSAGES && bytes < BATCH_BYTES) {
      RtmpMessage message = subscription.poll();
      if (message == null) {
        if (batch.isEmpty()) {
          subscription.closeReason().ifPresent(this::end);
        }
        break;
      }
      long timestamp = timeline.stamp(message.timestamp(), subscription.polledNewTimeline());
      if (wanted(message)) {
        batch.add(outgoing(message, timestamp));
        bytes += message.payload().length;
      }
    }
    return batch;
  }

  private boolean wanted(RtmpMessage message) {
    return switch (message.type()) {
      case AUDIO -> receiveAudio || isHeader(message);
      case VIDEO -> wantedVideo(message);
      default -> true;
    };
  }

  /** Reads the tag only while video is filtered; the common path reads no tag at all. */
  private boolean wantedVideo(RtmpMessage message) {
    if (receiveVideo && !videoFrom) {
      return true;
    }
    FrameKind kind = VideoTagParser.parse(message.timestamp(), message.payload()).kind();
    if (!receiveVideo) {
      videoFrom = true;
      return kind == FrameKind.SEQUENCE_START;
    }
    if (kind == FrameKind.KEY_FRAME) {
      videoFrom = false;
    }
    return kind != FrameKind.INTER_FRAME;
  }

  private static boolean isHeader(RtmpMessage message) {
    return AudioTagParser.parse(message.timestamp(), message.payload()).kind()
        == FrameKind.SEQUENCE_START;
  }

  private Outgoing outgoing(RtmpMessage message, long timestamp) {
    RtmpMessage out = new RtmpMessage(message.type(), timestamp, streamId, message.payload());
    int chunkStream =
        switch (message.type()) {
          case AUDIO -> AUDIO_CHUNK_STREAM;
          case VIDEO -> VIDEO_CHUNK_STREAM;
          default -> NetConnection.STATUS_CHUNK_STREAM;
        };
    return new Outgoing(out, chunkStream);
  }

  /** The subscription is closed and drained: tell the player why, once. */
  private void end(CloseReason reason) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      finished = true;
    }
    if (reason == CloseReason.SLOW_CONSUMER) {
      LOG.warning(() -> session + " cannot keep up with live channel " + channel + "; closed");
      session.close();
      return;
    }
    // What Adobe's servers send when the publisher goes: players stop or wait for a new one.
    session.send(UserControl.of(UserControl.Event.STREAM_EOF, streamId).toMessage(), 2);
    session.send(
        Replies.onStatus(
            streamId, Status.PLAY_UNPUBLISH_NOTIFY, channel + " is no longer published."),
        NetConnection.STATUS_CHUNK_STREAM);
    session.send(
        Replies.onStatus(streamId, Status.PLAY_STOP, "Stopped playing " + channel + "."),
        NetConnection.STATUS_CHUNK_STREAM);
    LOG.info(() -> session + " stopped playing " + channel + ": the broadcast ended");
  }

  /** For tests and operators: the subscription's state, once started. */
  Optional<Subscription> subscription() {
    synchronized (lock) {
      return Optional.ofNullable(subscription);
    }
  }
}
