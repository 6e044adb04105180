/**
 * What crosses the resource adapter's boundary, both ways.
 *
 * <p>Inbound, the control plane: the message-listener interface {@link
 * io.onair.rtmp.api.RtmpListener} through which a message-driven bean decides who may publish and
 * play, and the records it is passed. Outbound, the media plane: the connection factory {@link
 * io.onair.rtmp.api.LiveFeedFactory}, looked up in JNDI, whose connections subscribe to the frames
 * of live channels as {@link io.onair.rtmp.api.MediaFrame}s. And the management interface the
 * adapter registers with JMX.
 *
 * <p>This package is also published as the adapter's {@code api} jar, which the EJB module compiles
 * against; at run time the deployed RAR supplies these classes. Nothing here names an RTMP, FLV or
 * AMF type.
 */
package io.onair.rtmp.api;
