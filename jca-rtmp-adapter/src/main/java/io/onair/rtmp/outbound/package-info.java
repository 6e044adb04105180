/**
 * The outbound side of the resource adapter (Jakarta Connectors 2.1, chapter 6, Connection
 * Management): live feed connections, through which applications subscribe to the frames of live
 * channels on the adapter's {@link io.onair.rtmp.live.LiveHub}. The control plane goes the other
 * way, through the message-listener interface; media frames reach the application here, beside the
 * container: it hands out the connection, not the frames.
 *
 * <p>The classes are the connection definition ra.xml declares: {@link
 * io.onair.rtmp.outbound.LiveFeedManagedConnectionFactory} (associated with the resource adapter,
 * whose hub it reaches through {@link io.onair.rtmp.outbound.LiveHubOwner}), the managed connection
 * the server pools, the connection factory it binds in JNDI, the connection handle the application
 * holds, and the feed over one hub subscription, which reads each tag once into an {@link
 * io.onair.rtmp.api.MediaFrame}. No transactions (level NoTransaction), no security: the hub has
 * nothing to commit and authorizes nobody; the application decides who may see what.
 */
package io.onair.rtmp.outbound;
