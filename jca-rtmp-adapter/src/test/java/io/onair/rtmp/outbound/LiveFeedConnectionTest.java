package io.onair.rtmp.outbound;

import static io.onair.rtmp.outbound.RecordingListener.drain;
import static io.onair.rtmp.outbound.Tags.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.api.FeedEnd;
import io.onair.rtmp.api.LiveFeed;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import io.onair.rtmp.api.LiveFeedListener;
import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import io.onair.rtmp.live.Publication;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ManagedConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections and feeds through their lives, with a pool that behaves as an application server's:
 * what closing, the server's cleanup and destroy, and handle moves do to the feeds, and what the
 * listener is told.
 */
class LiveFeedConnectionTest {

  private static final String HALL = "town-hall";

  private final LiveHub hub = new LiveHub(LiveLimits.defaults());
  private final ConnectionManagerFake pool = new ConnectionManagerFake();
  private final RecordingListener listener = new RecordingListener();
  private LiveFeedManagedConnectionFactory managedFactory;
  private LiveFeedFactory factory;
  private Publication publication;

  @BeforeEach
  void deploy() throws Exception {
    managedFactory = new LiveFeedManagedConnectionFactory();
    managedFactory.setResourceAdapter(new HubAdapterFake(hub));
    factory = (LiveFeedFactory) managedFactory.createConnectionFactory(pool);
    publication = hub.publish(HALL);
    publication.push(Tags.avcConfig(0));
    publication.push(Tags.avcKey(0, 0, bytes(0x65)));
  }

  @Test
  void closingAConnectionCancelsItsFeedsAndPutsItBackInThePool() throws Exception {
    LiveFeedConnection connection = factory.getConnection();
    LiveFeed feed = connection.subscribe(HALL, listener).orElseThrow();

    connection.close();

    assertThat(feed.isOpen()).isFalse();
    assertThat(feed.endReason()).contains(FeedEnd.CANCELLED);
    assertThat(feed.poll()).isNull();
    assertThat(hub.find(HALL).orElseThrow().subscribers()).isZero();
    assertThat(listener.ended).as("the consumer's own close is not reported").isEmpty();
    assertThat(pool.closedEvents)
        .singleElement()
        .extracting(ConnectionEvent::getConnectionHandle)
        .isSameAs(connection);
    assertThat(pool.free).hasSize(1);
    assertThat(pool.inUse).isEmpty();
  }

  @Test
  void aClosedConnectionRefusesUseAndClosingItAgainTellsTheServerNothing() throws Exception {
    LiveFeedConnection connection = factory.getConnection();
    connection.close();
    connection.close();

    assertThat(pool.closedEvents).hasSize(1);
    assertThatThrownBy(() -> connection.subscribe(HALL, listener))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> connection.isLive(HALL)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void thePooledConnectionServesTheNextConsumer() throws Exception {
    factory.getConnection().close();
    try (LiveFeedConnection next = factory.getConnection()) {
      assertThat(pool.inUse).hasSize(1);
      assertThat(next.subscribe(HALL, listener)).isPresent();
    }
  }

  @Test
  void theServerReclaimingAConnectionCancelsTheFeedsOfItsHandles() throws Exception {
    LiveFeedConnection forgotten = factory.getConnection();
    LiveFeed feed = forgotten.subscribe(HALL, listener).orElseThrow();

    pool.reclaimAll();

    assertThat(feed.isOpen()).isFalse();
    assertThat(hub.find(HALL).orElseThrow().subscribers()).isZero();
    assertThatThrownBy(() -> forgotten.subscribe(HALL, listener))
        .isInstanceOf(IllegalStateException.class);
    forgotten.close();
    assertThat(pool.closedEvents).as("a reclaimed handle has nothing left to return").isEmpty();
  }

  @Test
  void aDestroyedConnectionCancelsItsFeedsAndGivesNoMoreHandles() throws Exception {
    LiveFeedConnection connection = factory.getConnection();
    LiveFeed feed = connection.subscribe(HALL, listener).orElseThrow();
    ManagedConnection managed = pool.inUse.get(0);

    pool.destroyAll();

    assertThat(feed.isOpen()).isFalse();
    assertThatThrownBy(() -> managed.getConnection(null, null))
        .isInstanceOf(ResourceException.class);
    assertThat(managedFactory.matchManagedConnections(java.util.Set.of(managed), null, null))
        .isNull();
  }

  @Test
  void aHandleMovedToAnotherManagedConnectionTakesItsFeedsAlong() throws Exception {
    LiveFeedConnection connection = factory.getConnection();
    LiveFeed feed = connection.subscribe(HALL, listener).orElseThrow();
    LiveFeedManagedConnection from = (LiveFeedManagedConnection) pool.inUse.get(0);
    LiveFeedManagedConnection to =
        (LiveFeedManagedConnection) managedFactory.createManagedConnection(null, null);

    to.associateConnection(connection);
    from.cleanup();
    assertThat(feed.isOpen()).as("no longer the old connection's").isTrue();
    assertThat(to.handles()).isEqualTo(1);

    to.cleanup();
    assertThat(feed.isOpen()).isFalse();
  }

  @Test
  void oneManagedConnectionMayCarrySeveralHandlesEachWithItsOwnFeeds() throws Exception {
    LiveFeedManagedConnection shared =
        (LiveFeedManagedConnection) managedFactory.createManagedConnection(null, null);
    LiveFeedConnection first = (LiveFeedConnection) shared.getConnection(null, null);
    LiveFeedConnection second = (LiveFeedConnection) shared.getConnection(null, null);
    LiveFeed firstFeed = first.subscribe(HALL, listener).orElseThrow();
    LiveFeed secondFeed = second.subscribe(HALL, new RecordingListener()).orElseThrow();

    first.close();

    assertThat(firstFeed.isOpen()).isFalse();
    assertThat(secondFeed.isOpen()).isTrue();
    assertThat(shared.handles()).isEqualTo(1);
  }

  @Test
  void theListenerIsToldOfNewFramesOnceDrainedAndOfTheEndOfTheBroadcast() throws Exception {
    try (LiveFeedConnection connection = factory.getConnection()) {
      LiveFeed feed = connection.subscribe(HALL, listener).orElseThrow();
      assertThat(drain(feed)).hasSize(2);

      publication.push(Tags.avcDelta(40, 0, bytes(0x41)));
      publication.push(Tags.avcDelta(80, 0, bytes(0x41)));
      assertThat(listener.available).as("once, until the consumer drains again").hasValue(1);

      publication.end();

      assertThat(listener.ended).containsExactly(FeedEnd.PUBLISHER_ENDED);
      assertThat(feed.isOpen()).isFalse();
      assertThat(feed.endReason()).contains(FeedEnd.PUBLISHER_ENDED);
      assertThat(drain(feed)).as("what came before the end").hasSize(2);
      assertThat(connection.isLive(HALL)).isFalse();
      assertThat(((LiveFeedConnectionHandle) connection).openFeeds()).isZero();
    }
  }

  @Test
  void aConsumerThatNeverPollsIsEndedAsSlowWithoutHoldingThePublisherUp() throws Exception {
    LiveHub small = new LiveHub(new LiveLimits(4, 1 << 20, 64, 1 << 20, 1));
    LiveFeedManagedConnectionFactory managed = new LiveFeedManagedConnectionFactory();
    managed.setResourceAdapter(new HubAdapterFake(small));
    LiveFeedFactory slowFactory = (LiveFeedFactory) managed.createConnectionFactory(pool);
    Publication live = small.publish(HALL);
    try (LiveFeedConnection connection = slowFactory.getConnection()) {
      LiveFeed feed = connection.subscribe(HALL, listener).orElseThrow();
      for (int gop = 0; gop < 4; gop++) {
        live.push(Tags.avcKey(gop * 2000L, 0, bytes(0x65)));
        for (int frame = 1; frame < 8; frame++) {
          live.push(Tags.avcDelta(gop * 2000L + frame * 40, 0, bytes(0x41)));
        }
      }
      assertThat(listener.ended).containsExactly(FeedEnd.SLOW_CONSUMER);
      assertThat(feed.endReason()).contains(FeedEnd.SLOW_CONSUMER);
      assertThat(feed.poll()).isNull();
      assertThat(live.isCurrent()).isTrue();
    }
  }

  @Test
  void aListenerThatThrowsHasItsFeedCancelled() throws Exception {
    try (LiveFeedConnection connection = factory.getConnection()) {
      LiveFeed feed =
          connection
              .subscribe(
                  HALL,
                  new LiveFeedListener() {
                    @Override
                    public void available() {
                      throw new IllegalStateException("a bug in the consumer");
                    }

                    @Override
                    public void ended(FeedEnd reason) {}
                  })
              .orElseThrow();
      drain(feed);

      publication.push(Tags.avcDelta(40, 0, bytes(0x41)));

      assertThat(feed.isOpen()).isFalse();
      assertThat(feed.endReason()).contains(FeedEnd.CANCELLED);
      assertThat(connection.subscribe(HALL, listener)).as("others are unaffected").isPresent();
    }
  }

  @Test
  void cancellingAFeedEndsOnlyThatFeed() throws Exception {
    try (LiveFeedConnection connection = factory.getConnection()) {
      LiveFeed cancelled = connection.subscribe(HALL, listener).orElseThrow();
      LiveFeed kept = connection.subscribe(HALL, new RecordingListener()).orElseThrow();

      cancelled.cancel();
      publication.push(Tags.avcDelta(40, 0, bytes(0x41)));

      assertThat(cancelled.poll()).isNull();
      assertThat(drain(kept)).extracting(MediaFrame::dts).containsExactly(0L, 0L, 40L);
      assertThat(((LiveFeedConnectionHandle) connection).openFeeds()).isEqualTo(1);
    }
  }

  @Test
  void aChannelNobodyPublishesGivesNoFeed() throws Exception {
    try (LiveFeedConnection connection = factory.getConnection()) {
      assertThat(connection.isLive(HALL)).isTrue();
      assertThat(connection.isLive("elsewhere")).isFalse();
      assertThat(connection.subscribe("elsewhere", listener)).isEmpty();
    }
  }
}
