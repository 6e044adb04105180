package io.onair.rtmp.api;

import jakarta.resource.ResourceException;

/**
 * The connection factory of the adapter's live feeds: what an application looks up in JNDI to
 * subscribe to the frames of live channels. The deployment names it; OnAir's asadmin files bind it
 * as {@code jca/onair/live}.
 *
 * <p>This is the outbound side of the resource adapter (Jakarta Connectors 2.1, chapter 6,
 * Connection Management): the application server pools the connections and closes what an
 * application leaves open. Media frames flow beside the container, never through an EJB call each;
 * only the handle comes from it.
 */
public interface LiveFeedFactory {

  /**
   * A connection from the server's pool. Close it when done, with try-with-resources: closing it
   * cancels every feed it subscribed to. A component that consumes a feed for a whole broadcast
   * keeps its connection open for that long, so the pool's size bounds how many such consumers run
   * at once.
   *
   * @throws ResourceException when the pool has no connection to give within its wait time, or the
   *     adapter is not running
   */
  LiveFeedConnection getConnection() throws ResourceException;
}
