/**
 * What every RTMP protocol layer shares: the protocol error. Each codec (handshake, chunk, amf,
 * command, flv) throws a {@link ProtocolException} naming the field and the value that broke the
 * rules; the session closes the connection with one log line built from it.
 */
package io.onair.rtmp.protocol;
