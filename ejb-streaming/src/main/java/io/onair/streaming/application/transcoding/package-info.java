/**
 * Live transcoding in the container: the transcoding jobs, one ffmpeg process per broadcast that
 * has rungs to make, and their settings ({@link
 * io.onair.streaming.application.transcoding.TranscodeSettings}).
 */
package io.onair.streaming.application.transcoding;
