package io.onair.rtmp.command;

import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayDenial;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.Subscription;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.session.RtmpSession;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The play command of a connection's NetStreams (RTMP 1.0 7.2.2.1): the channel and viewer token of
 * the play name, the decision of the {@link PlayGate}, then the statuses players wait for and a
 * {@link Playback} of the channel's live stream; or the error status and a clean close.
 */
final class Plays {

  private static final Logger LOG = Logger.getLogger(Plays.class.getName());

  private final PlayGate gate;
  private final LiveHub hub;

  Plays(PlayGate gate, LiveHub hub) {
    this.gate = gate;
    this.hub = hub;
  }

  /**
   * @param connectToken the token of the connect URL's query, for players that put it there
   */
  void play(
      RtmpSession session,
      NetStream stream,
      String application,
      Optional<String> connectToken,
      Command command) {
    PlayName name = PlayName.parse(command.stringArgument(0).orElse(""));
    if (name.channel().isEmpty() || !stream.startDeciding(null)) {
      failed(session, stream.id(), Status.PLAY_FAILED, "a channel name is required, once");
      return;
    }
    PlayRequest request =
        new PlayRequest(
            session.id(),
            session.remoteAddress(),
            application,
            name.channel(),
            name.token().or(() -> connectToken).orElse(""));
    gate.decide(request).whenComplete((decision, failure) -> decided(session, stream, decision));
  }

  /** On a WorkManager thread, or on ours if the gate answered at once. */
  private void decided(RtmpSession session, NetStream stream, PlayDecision decision) {
    if (!(decision instanceof PlayDecision.Allowed allowed)) {
      PlayDenial reason =
          decision instanceof PlayDecision.Denied denied ? denied.reason() : PlayDenial.UNAVAILABLE;
      LOG.info(() -> session + " may not play: " + reason);
      Status status =
          reason == PlayDenial.UNKNOWN_CHANNEL ? Status.PLAY_STREAM_NOT_FOUND : Status.PLAY_FAILED;
      failed(session, stream.id(), status, describe(reason));
      return;
    }
    String channel = allowed.channel();
    Playback playback = new Playback(session, stream.id(), channel);
    if (!stream.playing(playback)) {
      return;
    }
    Optional<Subscription> subscription = hub.subscribe(channel, playback);
    if (subscription.isEmpty()) {
      LOG.info(() -> session + " asked for " + channel + ", which is not live");
      failed(session, stream.id(), Status.PLAY_STREAM_NOT_FOUND, channel + " is not live");
      return;
    }
    int id = stream.id();
    session.send(UserControl.of(UserControl.Event.STREAM_BEGIN, id).toMessage(), 2);
    session.send(
        Replies.onStatus(id, Status.PLAY_RESET, "Playing and resetting " + channel + "."),
        NetConnection.STATUS_CHUNK_STREAM);
    session.send(
        Replies.onStatus(id, Status.PLAY_START, "Started playing " + channel + "."),
        NetConnection.STATUS_CHUNK_STREAM);
    session.send(Replies.sampleAccess(id), NetConnection.STATUS_CHUNK_STREAM);
    playback.start(subscription.get());
    LOG.info(() -> session + " plays " + channel + " for " + allowed.viewer());
  }

  /** Sends the error status, then closes once it has been written, as for a refused publish. */
  private static void failed(RtmpSession session, int streamId, Status status, String description) {
    session.send(
        Replies.onStatus(streamId, status, description), NetConnection.STATUS_CHUNK_STREAM);
    session.close();
  }

  static String describe(PlayDenial reason) {
    return switch (reason) {
      case INVALID_TOKEN -> "a valid viewer token is required: add ?token=<viewer token>";
      case UNKNOWN_CHANNEL -> "no such channel";
      case FORBIDDEN -> "you may not watch this channel";
      case UNAVAILABLE -> "playback is not available right now";
    };
  }
}
