/**
 * CMAF packaging (ISO/IEC 23000-19): the frames of one track become fragmented MP4 (ISO/IEC
 * 14496-12), an init segment ({@link io.onair.streaming.media.cmaf.InitSegment}) and media segments
 * made of low-latency parts ({@link io.onair.streaming.media.cmaf.MediaSegment}), cut by a {@link
 * io.onair.streaming.media.cmaf.Segmenter} per track; a {@link
 * io.onair.streaming.media.cmaf.RenditionSegmenter} keeps a rendition's audio segments on its video
 * segments' cut points.
 *
 * <p>One track per file. A rendition is a video track file and an audio track file, not one muxed
 * file: CMAF tracks carry exactly one track (23000-19 7.3.2), DASH puts audio and video in separate
 * AdaptationSets, HLS can reference one audio rendition group from every video variant (so the
 * audio is stored once, not once per ladder rung), and a muxed file would force both tracks to be
 * cut at the same instants although only video has keyframes to respect.
 *
 * <p>Everything here is pure code over bytes: no CDI, no JPA, no files, no dependency on the RTMP
 * adapter. The caller turns FLV tags into {@link io.onair.streaming.media.cmaf.TrackFormat} and
 * {@link io.onair.streaming.media.cmaf.Sample} values (video: milliseconds x 90; AAC: through an
 * {@link io.onair.streaming.media.cmaf.AudioTimeline}) and stores what comes out.
 */
package io.onair.streaming.media.cmaf;
