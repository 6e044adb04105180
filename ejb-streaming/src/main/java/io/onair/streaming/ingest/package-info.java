/**
 * The RTMP entry point: the message-driven bean the resource adapter activates. It translates the
 * adapter's requests into use cases and their outcomes back into the adapter's decisions.
 */
package io.onair.streaming.ingest;
