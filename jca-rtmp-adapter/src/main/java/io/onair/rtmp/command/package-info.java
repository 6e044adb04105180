/**
 * RTMP commands (RTMP 1.0 section 7.2): NetConnection and NetStream calls as AMF values, the
 * replies clients expect (_result, _error, onStatus with the NetStream and NetConnection codes OBS,
 * ffmpeg and GStreamer look for), and the per-connection handling of connect, createStream, publish
 * and the end of a publish.
 */
package io.onair.rtmp.command;
