/**
 * Delivery to players over HTTP: manifests generated from the segment index and segments streamed
 * from the store. Replays so far; the live window follows.
 */
package io.onair.portal.delivery;
