/**
 * Viewer tokens: what an RTMP player presents to watch a channel ({@code
 * rtmp://host/live/<channel>?token=vt_…}). A signed-in person gets one from the portal; it is shown
 * once, stored only as its SHA-256 hash, and expires by itself. Players cannot sign in to the
 * portal, so the token stands in for the person who asked for it.
 */
package io.onair.streaming.domain.viewertoken;
