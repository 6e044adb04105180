/**
 * RTMP messages (RTMP 1.0 section 5.4 and 6): the message as the chunk layer delivers it, the
 * message type ids, and the protocol control and user control messages with their payload codecs.
 */
package io.onair.rtmp.message;
