/**
 * Media as the streaming side reasons about it, above the adapter's frames: what a track carries
 * and how manifests and operators name it (RFC 6381 codec strings).
 */
package io.onair.streaming.media;
