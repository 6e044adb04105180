/**
 * FLV as RTMP and files carry it. Tag bodies as RTMP audio and video messages carry them (Adobe FLV
 * 10.1 E.4.2/E.4.3) and as Enhanced RTMP extends them (E-RTMP v1/v2: FourCC codecs such as HEVC,
 * AV1, VP9, Opus): which codec, which kind of frame (configuration, key, inter, end of sequence),
 * decode and presentation times, and where the codec's bytes start. And whole FLV byte streams
 * (annex E.2-E.4: file header, then tags with their PreviousTagSize), read into and written from
 * {@link io.onair.rtmp.api.MediaFrame}s by {@link io.onair.rtmp.flv.FlvReader} and {@link
 * io.onair.rtmp.flv.FlvWriter}: what the transcoder exchanges with ffmpeg.
 *
 * <p>The package is in the adapter's {@code api} jar, with {@code io.onair.rtmp.protocol} for the
 * {@link io.onair.rtmp.protocol.ProtocolException} it throws, so the EJB module can use it.
 */
package io.onair.rtmp.flv;
