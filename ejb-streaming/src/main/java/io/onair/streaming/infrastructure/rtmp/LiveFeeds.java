package io.onair.streaming.infrastructure.rtmp;

import io.onair.rtmp.api.LiveFeedConnection;
import io.onair.rtmp.api.LiveFeedFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The RTMP adapter's live feeds: connections to subscribe to the frames of live channels, from the
 * connection factory payara-config binds at {@value #JNDI_NAME}.
 *
 * <p>Looked up when needed rather than injected with {@code @Resource(lookup = ...)}. Payara checks
 * every resource reference when an application deploys, and fails the deployment if the name is not
 * bound. On Payara Server the resource cannot be bound then: its connection pool names the adapter
 * inside the EAR ({@code onair#onair-rtmp}), and Payara creates a connector pool only for an
 * adapter that is already deployed. So the EAR deploys first and the pool follows it. The lookup
 * also lets readiness name what is missing instead of the deployment failing.
 */
@ApplicationScoped
public class LiveFeeds {

  /** The connector resource's name; payara-config's asadmin files create it. */
  public static final String JNDI_NAME = "jca/onair/live";

  /**
   * A connection from the server's pool; close it to cancel its feeds and return it.
   *
   * @throws ResourceException when the resource is not bound, the adapter is not running, or the
   *     pool has no connection to give in time
   */
  public LiveFeedConnection connect() throws ResourceException {
    LiveFeedFactory factory;
    try {
      factory = InitialContext.doLookup(JNDI_NAME);
    } catch (NamingException e) {
      throw new ResourceException("no live feed connection factory is bound at " + JNDI_NAME, e);
    }
    return factory.getConnection();
  }

  /**
   * Empty when a live feed connection can be had, else why not. Takes one from the pool and gives
   * it back: that proves the resource, its pool and the adapter's hub, and costs no I/O.
   */
  public Optional<String> problem() {
    try {
      connect().close();
      return Optional.empty();
    } catch (ResourceException e) {
      return Optional.of(e.getMessage());
    }
  }
}
