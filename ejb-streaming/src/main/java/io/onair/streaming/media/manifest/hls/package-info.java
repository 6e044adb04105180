/**
 * HTTP Live Streaming playlists (RFC 8216, with the low-latency extensions of
 * draft-pantos-hls-rfc8216bis): the multivariant playlist of a ladder, the media playlist of one
 * CMAF track (live sliding window, live from the start, replay), and the blocking playlist reload
 * decision (rfc8216bis 6.2.5.2). Pure functions of the model; delivery serves what they return as
 * {@code application/vnd.apple.mpegurl}.
 */
package io.onair.streaming.media.manifest.hls;
