/**
 * The JCA 2.1 side of the adapter: the ResourceAdapter JavaBean and its configuration, the
 * ActivationSpec of the {@link io.onair.rtmp.api.RtmpListener} endpoints, and the delivery of
 * control decisions to those endpoints inside {@code Work} on the application server's WorkManager.
 */
package io.onair.rtmp.adapter;
