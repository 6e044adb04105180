/**
 * Media handling that knows nothing of EJB, JPA or HTTP: CMAF packaging and manifest generation,
 * pure functions over the segment index.
 */
package io.onair.streaming.media;
