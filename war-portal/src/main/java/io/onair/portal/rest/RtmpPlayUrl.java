package io.onair.portal.rest;

import io.onair.rtmp.api.RtmpAdapterMXBean;
import io.onair.streaming.ingest.RtmpIngestBean;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where RTMP players play: the host the caller reached the portal at, and the port the RTMP adapter
 * of this server actually listens on, read from its JMX view (so a port configured on the adapter
 * or by the launcher is the one shown). RTMP's default port is left out, as players assume it.
 */
record RtmpPlayUrl(String host, int port) {

  static final int DEFAULT_PORT = 1935;

  /**
   * The address at {@code host} with the adapter's port; the default port when the adapter is not
   * deployed here, in which case nothing plays anyway and readiness says so.
   */
  static RtmpPlayUrl at(String host) {
    try {
      Object port =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName(RtmpAdapterMXBean.OBJECT_NAME), "RtmpPort");
      return new RtmpPlayUrl(host, port instanceof Integer p ? p : DEFAULT_PORT);
    } catch (JMException notDeployed) {
      return new RtmpPlayUrl(host, DEFAULT_PORT);
    }
  }

  /** The URL to play any channel with {@code token}, {@code {channel}} standing for its name. */
  String template(String token) {
    return "rtmp://" + authority() + "/" + RtmpIngestBean.APPLICATION + "/{channel}?token=" + token;
  }

  private String authority() {
    boolean ipv6Literal = host.indexOf(':') >= 0 && !host.startsWith("[");
    String name = ipv6Literal ? "[" + host + "]" : host;
    return port == DEFAULT_PORT ? name : name + ":" + port;
  }
}
