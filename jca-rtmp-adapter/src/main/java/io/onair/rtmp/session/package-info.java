/**
 * One RTMP connection as a protocol state machine, independent of the network library: the
 * handshake, then chunked messages, the protocol control the connection itself answers
 * (acknowledgements, pings, chunk size), and the hand-off of everything else to the command and
 * media layers.
 */
package io.onair.rtmp.session;
