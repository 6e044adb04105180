/**
 * The network edge: the Grizzly NIO listener that accepts RTMP connections, and the filters that
 * guard it (connection limit, timeouts) before the protocol filters see a byte. Filters only adapt
 * Grizzly to plain classes; no parsing happens here.
 */
package io.onair.rtmp.transport;
