package io.onair.rtmp.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.amf.Amf0Decoder;
import io.onair.rtmp.amf.AmfBoolean;
import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfNumber;
import io.onair.rtmp.amf.AmfProperties;
import io.onair.rtmp.amf.AmfStrictArray;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.api.PlayDenial;
import io.onair.rtmp.api.PlayRequest;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.handshake.ServerHandshake;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.live.Media;
import io.onair.rtmp.live.Publication;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.message.UserControl;
import io.onair.rtmp.session.RtmpSession;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A player's side of a connection: play decided by the gate, statuses and media from the live hub,
 * one write in flight, timestamps across a takeover, receiveAudio/receiveVideo, the end.
 */
class PlaybackTest {

  private static final String CHANNEL = "town-hall";

  private final GateFake gate = new GateFake();
  private LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final RecordingClient client = new RecordingClient();
  private NetConnection connection;
  private RtmpSession session;

  private void connect(String tcUrl) {
    connection =
        new NetConnection(
            new NetConnection.Services(
                gate,
                gate,
                channel -> {
                  throw new AssertionError("players do not publish");
                },
                hub,
                new LivePublishers()),
            AmfLimits.defaults(),
            Clock.systemUTC());
    session =
        new RtmpSession(
            "rtmp-7",
            "/10.1.2.3:50000",
            new ServerHandshake(new SecureRandom(), InstantSource.system()),
            new ChunkLimits(65_536, 1 << 20, 16),
            client,
            connection);
    command("connect", 1, new AmfProperties().put("app", "live").put("tcUrl", tcUrl).toObject(), 0);
    // Two streams, so the player's stream id (2) differs from the publisher's (1).
    command("createStream", 2, AmfNull.INSTANCE, 0);
    command("createStream", 3, AmfNull.INSTANCE, 0);
  }

  private void command(String name, double tx, AmfValue object, int streamId, AmfValue... args) {
    connection.onMessage(session, new Command(name, tx, object, List.of(args), streamId).encode());
  }

  private void play(String name) {
    connect("rtmp://127.0.0.1/live");
    command("play", 4, AmfNull.INSTANCE, 2, new AmfString(name));
  }

  private void playAllowed() {
    play(CHANNEL + "?token=vt_secret");
    gate.nextPlay.complete(PlayDecision.allow(CHANNEL, "alice"));
  }

  private Publication publishGop(long at) {
    Publication publication = hub.publish(CHANNEL);
    publication.push(Media.data(MessageType.DATA_AMF0, 0, "onMetaData"));
    publication.push(Media.videoHeader(0));
    publication.push(Media.audioHeader(0));
    publication.push(Media.keyFrame(at, 100));
    publication.push(Media.interFrame(at + 33, 50));
    publication.push(Media.audioFrame(at + 40, 20));
    return publication;
  }

  @Test
  void aPlayAsksTheGateForTheChannelWithTheTokenOfThePlayName() {
    play(CHANNEL + "?token=vt_secret&other=1");
    assertThat(gate.plays)
        .containsExactly(
            new PlayRequest("rtmp-7", "/10.1.2.3:50000", "live", CHANNEL, "vt_secret"));
    assertThat(gate.plays.get(0).toString()).doesNotContain("vt_secret");
  }

  @Test
  void theTokenMayComeWithTheConnectUrlInstead() {
    connect("rtmp://127.0.0.1/live?token=vt_fromUrl");
    command("play", 4, AmfNull.INSTANCE, 2, new AmfString(CHANNEL));
    assertThat(gate.plays.get(0).viewerToken()).isEqualTo("vt_fromUrl");
  }

  @Test
  void aDeniedPlayGetsPlayFailedWithTheReasonAndIsClosed() {
    publishGop(1000);
    play(CHANNEL);
    gate.nextPlay.complete(PlayDecision.deny(PlayDenial.INVALID_TOKEN));

    assertThat(client.statusCodes()).containsExactly("NetStream.Play.Failed");
    assertThat(description(client.last())).contains("viewer token");
    assertThat(client.media()).isEmpty();
    assertThat(client.closed).isTrue();
    assertThat(hub.find(CHANNEL).orElseThrow().subscribers()).isZero();
  }

  @Test
  void anUnknownChannelIsStreamNotFound() {
    play("nobody");
    gate.nextPlay.complete(PlayDecision.deny(PlayDenial.UNKNOWN_CHANNEL));
    assertThat(client.statusCodes()).containsExactly("NetStream.Play.StreamNotFound");
    assertThat(client.closed).isTrue();
  }

  @Test
  void anAllowedPlayOfAChannelNobodyPublishesIsStreamNotFound() {
    playAllowed();
    assertThat(client.statusCodes()).containsExactly("NetStream.Play.StreamNotFound");
    assertThat(description(client.last())).contains("not live");
    assertThat(client.closed).isTrue();
  }

  @Test
  void aJoinerGetsStatusesThenHeadersThenTheGopOnItsOwnStream() {
    publishGop(1000);
    playAllowed();

    List<RtmpMessage> received = client.received;
    int begin = indexOf(received, MessageType.USER_CONTROL);
    assertThat(UserControl.decode(received.get(begin)))
        .isEqualTo(UserControl.of(UserControl.Event.STREAM_BEGIN, 2));
    assertThat(client.statusCodes())
        .containsExactly("NetStream.Play.Reset", "NetStream.Play.Start");
    List<RtmpMessage> afterStart =
        received.subList(indexOfLastCommand(received) + 1, received.size());
    assertThat(afterStart)
        .extracting(RtmpMessage::type)
        .containsExactly(
            MessageType.DATA_AMF0, // |RtmpSampleAccess
            MessageType.DATA_AMF0, // onMetaData
            MessageType.VIDEO,
            MessageType.AUDIO,
            MessageType.VIDEO,
            MessageType.VIDEO,
            MessageType.AUDIO);
    assertThat(amf(afterStart.get(0)))
        .containsExactly(new AmfString("|RtmpSampleAccess"), AmfBoolean.TRUE, AmfBoolean.TRUE);
    assertThat(afterStart.get(1).payload())
        .isEqualTo(Media.data(MessageType.DATA_AMF0, 0, "onMetaData").payload());
    assertThat(afterStart).allMatch(m -> m.streamId() == 2);
    assertThat(client.media())
        .extracting(RtmpMessage::timestamp)
        .containsExactly(0L, 0L, 1000L, 1033L, 1040L);
    assertThat(client.media().get(2).payload()).isEqualTo(Media.keyFrame(1000, 100).payload());
    assertThat(client.closed).isFalse();
  }

  @Test
  void liveMediaFollowsTheJoinAsItIsPublished() {
    Publication publication = publishGop(1000);
    playAllowed();
    publication.push(Media.interFrame(1066, 60));
    publication.push(Media.audioFrame(1070, 20));
    assertThat(client.media())
        .extracting(RtmpMessage::timestamp)
        .endsWith(1033L, 1040L, 1066L, 1070L);
  }

  @Test
  void onlyOneWriteIsInFlightAndWhatWaitsGoesOutInOneBatch() {
    Publication publication = publishGop(1000);
    client.holdWrites = true;
    playAllowed();
    assertThat(client.writes).as("the join's messages, in one write").isEqualTo(1);

    for (int i = 1; i <= 5; i++) {
      publication.push(Media.interFrame(1033 + 33L * i, 50));
    }
    assertThat(client.writes).as("nothing more while the first write is in flight").isEqualTo(1);
    int before = client.media().size();

    client.completeWrite();
    assertThat(client.writes).isEqualTo(2);
    assertThat(client.media()).hasSize(before + 5);

    client.completeWrite();
    assertThat(client.writes).as("nothing left to write").isEqualTo(2);
    publication.push(Media.interFrame(2000, 50));
    assertThat(client.writes).isEqualTo(3);
  }

  @Test
  void afterATakeoverTheNewPublishersTimestampsContinueThePlayersTimeline() {
    publishGop(5000);
    playAllowed();
    // The encoder reconnects; its clock starts again at 0.
    Publication newcomer = hub.publish(CHANNEL);
    newcomer.push(Media.videoHeader(0));
    newcomer.push(Media.keyFrame(0, 100));
    newcomer.push(Media.interFrame(33, 50));

    List<Long> timestamps =
        client.media().stream()
            .filter(m -> m.type() == MessageType.VIDEO)
            .map(RtmpMessage::timestamp)
            .toList();
    // The last message sent was the audio frame at 5040: the newcomer's timeline starts there.
    assertThat(timestamps).containsExactly(0L, 5000L, 5033L, 5040L, 5040L, 5073L);
  }

  @Test
  void receiveVideoFalseLeavesAudioAndTrueResumesAtTheNextKeyFrame() {
    Publication publication = publishGop(1000);
    playAllowed();
    int before = client.media().size();

    command("receiveVideo", 0, AmfNull.INSTANCE, 2, AmfBoolean.FALSE);
    publication.push(Media.interFrame(1066, 50));
    publication.push(Media.audioFrame(1070, 20));
    command("receiveVideo", 0, AmfNull.INSTANCE, 2, AmfBoolean.TRUE);
    publication.push(Media.interFrame(1099, 50));
    publication.push(Media.keyFrame(1133, 100));
    publication.push(Media.interFrame(1166, 50));

    List<RtmpMessage> after = client.media().subList(before, client.media().size());
    assertThat(after).extracting(RtmpMessage::timestamp).containsExactly(1070L, 1133L, 1166L);
  }

  @Test
  void receiveAudioFalseDropsAudioFrames() {
    Publication publication = publishGop(1000);
    playAllowed();
    int before = client.media().size();
    command("receiveAudio", 0, AmfNull.INSTANCE, 2, AmfBoolean.FALSE);
    publication.push(Media.audioFrame(1070, 20));
    publication.push(Media.interFrame(1066, 50));
    assertThat(client.media().subList(before, client.media().size()))
        .extracting(RtmpMessage::type)
        .containsExactly(MessageType.VIDEO);
  }

  @Test
  void theEndOfTheBroadcastIsAnnouncedAfterTheMediaQueuedBeforeIt() {
    Publication publication = publishGop(1000);
    client.holdWrites = true;
    playAllowed();
    publication.push(Media.interFrame(1066, 50));
    publication.end();
    assertThat(client.statusCodes()).doesNotContain("NetStream.Play.UnpublishNotify");

    client.completeWrite();
    assertThat(client.statusCodes()).doesNotContain("NetStream.Play.UnpublishNotify");
    client.completeWrite();
    RtmpMessage lastMedia = client.media().get(client.media().size() - 1);
    assertThat(lastMedia.timestamp()).isEqualTo(1066);
    assertThat(client.statusCodes())
        .endsWith("NetStream.Play.UnpublishNotify", "NetStream.Play.Stop");
    assertThat(client.received)
        .anyMatch(
            m ->
                m.type() == MessageType.USER_CONTROL
                    && UserControl.decode(m)
                        .equals(UserControl.of(UserControl.Event.STREAM_EOF, 2)));
    assertThat(client.closed).as("the player decides whether to wait or leave").isFalse();
  }

  @Test
  void aPlayerThatCannotKeepUpIsDisconnectedWithoutHoldingUpThePublisher() {
    hub = new LiveHub(new LiveLimits(8, 1 << 20, 64, 1 << 20, 1));
    Publication publication = publishGop(1000);
    client.holdWrites = true;
    playAllowed();
    for (int gop = 1; gop <= 4 && !client.closed; gop++) {
      publication.push(Media.keyFrame(1000 + gop * 1000L, 100));
      for (int i = 1; i < 10; i++) {
        publication.push(Media.interFrame(1000 + gop * 1000L + i * 33, 50));
      }
    }
    assertThat(client.closed).isTrue();
    assertThat(hub.find(CHANNEL).orElseThrow().subscribers()).isZero();
  }

  @Test
  void deleteStreamAndDisconnectLeaveTheChannel() {
    publishGop(1000);
    playAllowed();
    assertThat(hub.find(CHANNEL).orElseThrow().subscribers()).isEqualTo(1);
    command("deleteStream", 5, AmfNull.INSTANCE, 0, new AmfNumber(2));
    assertThat(hub.find(CHANNEL).orElseThrow().subscribers()).isZero();
    assertThat(client.statusCodes()).doesNotContain("NetStream.Unpublish.Success");
  }

  @Test
  void aDisconnectDuringTheDecisionSubscribesNothing() {
    publishGop(1000);
    play(CHANNEL + "?token=vt_secret");
    session.close();
    gate.nextPlay.complete(PlayDecision.allow(CHANNEL, "alice"));
    assertThat(hub.find(CHANNEL).orElseThrow().subscribers()).isZero();
  }

  @Test
  void anEnhancedRtmpClientIsToldTheFourCcsTheServerTakes() {
    connection =
        new NetConnection(
            new NetConnection.Services(gate, gate, c -> null, hub, new LivePublishers()),
            AmfLimits.defaults(),
            Clock.systemUTC());
    session =
        new RtmpSession(
            "rtmp-8",
            "/10.1.2.3:50001",
            new ServerHandshake(new SecureRandom(), InstantSource.system()),
            new ChunkLimits(65_536, 1 << 20, 16),
            client,
            connection);
    command(
        "connect",
        1,
        new AmfProperties()
            .put("app", "live")
            .put("fourCcList", AmfStrictArray.of(new AmfString("hvc1"), new AmfString("av01")))
            .toObject(),
        0);
    AmfMembers properties = client.last().object().as(AmfMembers.class).orElseThrow();
    assertThat(properties.list("fourCcList").orElseThrow())
        .contains(new AmfString("avc1"), new AmfString("hvc1"), new AmfString("av01"));
    AmfMembers video = properties.object("videoFourCcInfoMap").orElseThrow();
    assertThat(video.number("hvc1").orElseThrow()).isEqualTo(EnhancedCapabilities.CAN_FORWARD);
    assertThat(video.get("mp4a")).isEmpty();
    assertThat(properties.object("audioFourCcInfoMap").orElseThrow().get("Opus")).isPresent();
    assertThat(properties.number("capsEx").orElseThrow()).isZero();
  }

  @Test
  void aLegacyClientGetsNoEnhancedRtmpProperties() {
    connect("rtmp://127.0.0.1/live");
    AmfMembers properties = client.commands().get(0).object().as(AmfMembers.class).orElseThrow();
    assertThat(properties.properties()).containsOnlyKeys("fmsVer", "capabilities", "mode");
  }

  private static String description(Command status) {
    return status
        .arguments()
        .get(0)
        .as(AmfMembers.class)
        .orElseThrow()
        .string("description")
        .orElseThrow();
  }

  private static List<AmfValue> amf(RtmpMessage message) {
    return new Amf0Decoder(AmfLimits.defaults()).decodeAll(ByteBuffer.wrap(message.payload()));
  }

  private static int indexOf(List<RtmpMessage> messages, MessageType type) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).type() == type) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }

  private static int indexOfLastCommand(List<RtmpMessage> messages) {
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).type() == MessageType.COMMAND_AMF0) {
        last = i;
      }
    }
    return last;
  }
}
