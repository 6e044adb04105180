/**
 * The chunk stream (RTMP 1.0 section 5.3): messages cut into chunks of the negotiated size,
 * interleaved across chunk streams, with headers compressed against the previous chunk of the same
 * chunk stream. The decoder reassembles messages under size limits; the encoder cuts them.
 */
package io.onair.rtmp.chunk;
