/**
 * Media as the streaming side reasons about it, above the adapter's frames: what a track carries
 * and how manifests and operators name it (RFC 6381 codec strings). Its subpackages know nothing of
 * EJB, JPA or HTTP: CMAF packaging and manifest generation, pure functions over frames and the
 * segment index.
 */
package io.onair.streaming.media;
