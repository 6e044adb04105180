/**
 * FLV tag bodies as RTMP audio and video messages carry them (Adobe FLV 10.1 E.4.2/E.4.3) and as
 * Enhanced RTMP extends them (E-RTMP v1/v2: FourCC codecs such as HEVC, AV1, VP9, Opus): which
 * codec, which kind of frame (configuration, key, inter, end of sequence), decode and presentation
 * times, and where the codec's bytes start.
 */
package io.onair.rtmp.flv;
