package io.onair.rtmp.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.rtmp.amf.AmfLimits;
import io.onair.rtmp.amf.AmfNull;
import io.onair.rtmp.amf.AmfProperties;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.api.PlayDecision;
import io.onair.rtmp.chunk.ChunkDecoder;
import io.onair.rtmp.chunk.ChunkLimits;
import io.onair.rtmp.handshake.ServerHandshake;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.live.Media;
import io.onair.rtmp.live.Publication;
import io.onair.rtmp.message.MessageType;
import io.onair.rtmp.message.RtmpMessage;
import io.onair.rtmp.session.Outbound;
import io.onair.rtmp.session.RtmpSession;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drain loop under real threads: a publisher pushing as fast as it can while writes complete on
 * other threads, sometimes at once and sometimes later, as Grizzly's do. Every message must arrive
 * once and in order, and never two writes be in flight.
 */
class PlaybackConcurrencyTest {

  private static final int MESSAGES = 20_000;

  private final ExecutorService network = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopNetwork() {
    network.shutdownNow();
  }

  /** Completes each write on this thread or on a network thread, at random; counts in-flight. */
  private final class AsyncClient implements Outbound {
    final ChunkDecoder decoder = new ChunkDecoder(new ChunkLimits(65_536, 1 << 20, 16));
    final List<RtmpMessage> received = new ArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final CountDownLatch stopped = new CountDownLatch(1);
    final Random random = new Random(7);

    @Override
    public synchronized void send(ByteBuffer bytes) {
      for (RtmpMessage m = decoder.decode(bytes); m != null; m = decoder.decode(bytes)) {
        received.add(m);
        if (m.type() == MessageType.COMMAND_AMF0
            && Command.decode(m, AmfLimits.defaults()).name().equals("onStatus")
            && RecordingClient.code(Command.decode(m, AmfLimits.defaults()))
                .equals("NetStream.Play.Stop")) {
          stopped.countDown();
        }
      }
    }

    @Override
    public void send(List<ByteBuffer> bytes, Runnable written) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      bytes.forEach(this::send);
      boolean later;
      synchronized (this) {
        later = random.nextBoolean();
      }
      Runnable complete =
          () -> {
            inFlight.decrementAndGet();
            written.run();
          };
      if (later) {
        network.execute(complete);
      } else {
        complete.run();
      }
    }

    @Override
    public void close() {}

    synchronized List<Long> videoTimestamps() {
      return received.stream()
          .filter(m -> m.type() == MessageType.VIDEO)
          .map(RtmpMessage::timestamp)
          .toList();
    }
  }

  @Test
  void everyMessageArrivesOnceInOrderWithOneWriteInFlight() throws Exception {
    LiveHub hub = new LiveHub(new LiveLimits(MESSAGES * 2, 1L << 30, 64, 1 << 20, 3));
    GateFake gate = new GateFake();
    AsyncClient client = new AsyncClient();
    NetConnection connection =
        new NetConnection(
            new NetConnection.Services(gate, gate, c -> null, hub, new LivePublishers()),
            AmfLimits.defaults(),
            Clock.systemUTC());
    RtmpSession session =
        new RtmpSession(
            "rtmp-1",
            "/127.0.0.1:5000",
            new ServerHandshake(new SecureRandom(), InstantSource.system()),
            new ChunkLimits(65_536, 1 << 20, 16),
            client,
            connection);
    Publication publication = hub.publish("c");
    publication.push(Media.keyFrame(0, 64));

    send(connection, session, "connect", new AmfProperties().put("app", "live").toObject(), 0);
    send(connection, session, "createStream", AmfNull.INSTANCE, 0);
    send(connection, session, "play", AmfNull.INSTANCE, 1, new AmfString("c"));
    gate.nextPlay.complete(PlayDecision.allow("c", "v"));

    for (int i = 1; i < MESSAGES; i++) {
      publication.push(i % 30 == 0 ? Media.keyFrame(i, 64) : Media.interFrame(i, 32));
    }
    publication.end();

    assertThat(client.stopped.await(60, TimeUnit.SECONDS)).as("Play.Stop arrived").isTrue();
    List<Long> timestamps = client.videoTimestamps();
    assertThat(timestamps).hasSize(MESSAGES);
    for (int i = 0; i < MESSAGES; i++) {
      assertThat(timestamps.get(i)).isEqualTo(i);
    }
    assertThat(client.maxInFlight.get()).isEqualTo(1);
  }

  private static void send(
      NetConnection connection,
      RtmpSession session,
      String name,
      AmfValue object,
      int streamId,
      AmfValue... args) {
    connection.onMessage(session, new Command(name, 1, object, List.of(args), streamId).encode());
  }
}
