package io.onair.rtmp.outbound;

import io.onair.rtmp.live.LiveHub;
import java.util.Optional;

/**
 * The resource adapter as its outbound side sees it: the owner of the live hub the feeds subscribe
 * to. The application server hands the adapter to the managed connection factory through {@link
 * jakarta.resource.spi.ResourceAdapterAssociation}; this is all the factory asks of it.
 */
public interface LiveHubOwner {

  /** The hub while the adapter runs; empty before its start and after its stop. */
  Optional<LiveHub> liveHub();
}
