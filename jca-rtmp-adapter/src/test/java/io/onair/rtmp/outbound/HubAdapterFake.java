package io.onair.rtmp.outbound;

import io.onair.rtmp.live.LiveHub;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Optional;
import javax.transaction.xa.XAResource;

/**
 * A resource adapter that owns a hub without opening any socket: what the managed connection
 * factory is associated with in these tests. Its hub goes away on {@link #stop()}, as the real
 * adapter's does.
 */
final class HubAdapterFake implements ResourceAdapter, LiveHubOwner {

  private volatile LiveHub hub;

  HubAdapterFake(LiveHub hub) {
    this.hub = hub;
  }

  @Override
  public Optional<LiveHub> liveHub() {
    return Optional.ofNullable(hub);
  }

  @Override
  public void start(BootstrapContext context) {}

  @Override
  public void stop() {
    hub = null;
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {}

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {}

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }
}
