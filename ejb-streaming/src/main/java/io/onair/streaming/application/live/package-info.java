/**
 * The live broadcasts players are watching: each channel's {@link
 * io.onair.streaming.media.live.LiveWindow}, opened by the packaging job and read by delivery.
 */
package io.onair.streaming.application.live;
