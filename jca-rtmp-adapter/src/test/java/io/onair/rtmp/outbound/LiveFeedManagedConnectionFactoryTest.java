package io.onair.rtmp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.rtmp.adapter.RtmpResourceAdapter;
import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import io.onair.rtmp.live.LiveHub;
import io.onair.rtmp.live.LiveLimits;
import jakarta.resource.NotSupportedException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Set;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;

/** The factory's contract with the application server (Connectors 2.1, chapters 5 to 7). */
class LiveFeedManagedConnectionFactoryTest {

  private final HubAdapterFake adapter = new HubAdapterFake(new LiveHub(LiveLimits.defaults()));

  private LiveFeedManagedConnectionFactory associatedWith(HubAdapterFake owner) throws Exception {
    LiveFeedManagedConnectionFactory factory = new LiveFeedManagedConnectionFactory();
    factory.setResourceAdapter(owner);
    return factory;
  }

  @Test
  void factoriesOfTheSameAdapterAreEqualWithEqualHashCodes() throws Exception {
    LiveFeedManagedConnectionFactory one = associatedWith(adapter);
    LiveFeedManagedConnectionFactory two = associatedWith(adapter);
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one.getResourceAdapter()).isSameAs(adapter);
  }

  @Test
  void factoriesOfDifferentAdaptersDifferButKeepTheirHashCode() throws Exception {
    LiveFeedManagedConnectionFactory unassociated = new LiveFeedManagedConnectionFactory();
    int before = unassociated.hashCode();
    LiveFeedManagedConnectionFactory other =
        associatedWith(new HubAdapterFake(new LiveHub(LiveLimits.defaults())));

    unassociated.setResourceAdapter(adapter);

    assertThat(unassociated.hashCode()).as("stable across the association").isEqualTo(before);
    assertThat(unassociated).isNotEqualTo(other).isNotEqualTo(null).isNotEqualTo("factory");
  }

  @Test
  void onlyTheOnAirAdapterCanBeAssociated() {
    LiveFeedManagedConnectionFactory factory = new LiveFeedManagedConnectionFactory();
    assertThatThrownBy(
            () ->
                factory.setResourceAdapter(
                    new jakarta.resource.spi.ResourceAdapter() {
                      @Override
                      public void start(jakarta.resource.spi.BootstrapContext context) {}

                      @Override
                      public void stop() {}

                      @Override
                      public void endpointActivation(
                          jakarta.resource.spi.endpoint.MessageEndpointFactory factory,
                          jakarta.resource.spi.ActivationSpec spec) {}

                      @Override
                      public void endpointDeactivation(
                          jakarta.resource.spi.endpoint.MessageEndpointFactory factory,
                          jakarta.resource.spi.ActivationSpec spec) {}

                      @Override
                      public javax.transaction.xa.XAResource[] getXAResources(
                          jakarta.resource.spi.ActivationSpec[] specs) {
                        return new javax.transaction.xa.XAResource[0];
                      }
                    }))
        .isInstanceOf(ResourceException.class)
        .hasMessageContaining("OnAir RTMP adapter");
    assertThatThrownBy(() -> factory.setResourceAdapter(null))
        .isInstanceOf(ResourceException.class);
  }

  @Test
  void theRtmpAdapterOwnsNoHubBeforeItStarts() {
    RtmpResourceAdapter rtmp = new RtmpResourceAdapter();
    assertThat(rtmp).isInstanceOf(LiveHubOwner.class);
    assertThat(rtmp.liveHub()).isEmpty();
  }

  @Test
  void noConnectionIsMadeWithoutARunningAdapter() throws Exception {
    assertThatThrownBy(
            () -> new LiveFeedManagedConnectionFactory().createManagedConnection(null, null))
        .isInstanceOf(ResourceAdapterInternalException.class)
        .hasMessageContaining("no resource adapter");

    LiveFeedManagedConnectionFactory factory = associatedWith(adapter);
    adapter.stop();
    assertThatThrownBy(() -> factory.createManagedConnection(null, null))
        .isInstanceOf(ResourceAdapterInternalException.class)
        .hasMessageContaining("not running");
  }

  @Test
  void theNonManagedCaseIsRefused() throws Exception {
    assertThatThrownBy(() -> associatedWith(adapter).createConnectionFactory())
        .isInstanceOf(NotSupportedException.class);
  }

  @Test
  void anyUsableConnectionOfAnEqualFactoryMatches() throws Exception {
    LiveFeedManagedConnectionFactory factory = associatedWith(adapter);
    ManagedConnection usable = factory.createManagedConnection(null, null);
    ManagedConnection foreign =
        associatedWith(new HubAdapterFake(new LiveHub(LiveLimits.defaults())))
            .createManagedConnection(null, null);

    assertThat(factory.matchManagedConnections(Set.of(foreign, usable), null, null))
        .isSameAs(usable);
    assertThat(factory.matchManagedConnections(Set.of(foreign), null, null)).isNull();
  }

  @Test
  void connectionsTakeNoPartInTransactions() throws Exception {
    ManagedConnection connection = associatedWith(adapter).createManagedConnection(null, null);
    assertThatThrownBy(connection::getXAResource).isInstanceOf(NotSupportedException.class);
    assertThatThrownBy(connection::getLocalTransaction).isInstanceOf(NotSupportedException.class);
    assertThat(connection.getMetaData().getEISProductName()).isEqualTo("OnAir RTMP live hub");
  }

  @Test
  void theConnectionFactoryCanBeBoundInJndi() throws Exception {
    Object factory = associatedWith(adapter).createConnectionFactory(new ConnectionManagerFake());
    assertThat(factory).isInstanceOf(LiveFeedFactory.class).isInstanceOf(Referenceable.class);

    Reference reference = new Reference(LiveFeedFactory.class.getName());
    ((Referenceable) factory).setReference(reference);
    assertThat(((Referenceable) factory).getReference()).isSameAs(reference);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject((Serializable) factory);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isInstanceOf(LiveFeedFactory.class);
    }
  }

  @Test
  void aConnectionComesFromTheServersConnectionManager() throws Exception {
    ConnectionManagerFake pool = new ConnectionManagerFake();
    LiveFeedFactory factory =
        (LiveFeedFactory) associatedWith(adapter).createConnectionFactory(pool);
    try (LiveFeedConnection connection = factory.getConnection()) {
      assertThat(connection).isInstanceOf(LiveFeedConnectionHandle.class);
      assertThat(pool.inUse).hasSize(1);
    }
  }
}
