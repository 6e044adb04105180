/**
 * Action Message Format, the encoding of RTMP command and data messages: AMF0 (Adobe "Action
 * Message Format -- AMF 0") and AMF3 (Adobe "AMF 3 Specification", January 2013). Values decode
 * into the immutable {@link io.onair.rtmp.amf.AmfValue} model, which keeps what the wire tells
 * apart (an ECMA array stays an ECMA array), and encode back from it.
 *
 * <p>The decoders read one complete message payload, as the chunk layer reassembled it, under
 * {@link io.onair.rtmp.amf.AmfLimits} checked before anything is allocated, and throw {@link
 * io.onair.rtmp.protocol.ProtocolException} for anything a peer can get wrong. Plain classes over
 * bytes: nothing here knows JCA, CDI or Grizzly.
 */
package io.onair.rtmp.amf;
