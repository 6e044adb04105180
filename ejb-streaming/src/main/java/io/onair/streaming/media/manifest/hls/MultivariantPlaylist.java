package io.onair.streaming.media.manifest.hls;

import io.onair.streaming.media.manifest.AudioTrack;
import io.onair.streaming.media.manifest.Ladder;
import io.onair.streaming.media.manifest.MediaPath;
import io.onair.streaming.media.manifest.Rendition;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.VideoTrack;

/**
 * The multivariant playlist of a ladder (RFC 8216 4.3.4; rfc8216bis 4.4.6): one EXT-X-MEDIA audio
 * rendition per distinct audio track ({@link Ladder#audioSources()}), one EXT-X-STREAM-INF per
 * video rendition in ladder order, each pointing at its audio group. URIs are relative to the
 * playlist at {@link MediaPath.Multivariant}.
 *
 * <p>It carries no EXT-X-VERSION: nothing in it needs more than version 1 (rfc8216bis 4.4.1.2
 * requires the tag only then). EXT-X-INDEPENDENT-SEGMENTS applies to every media playlist (RFC 8216
 * 4.3.5.1): the packager starts every segment with a keyframe, and every AAC frame is independent.
 */
public final class MultivariantPlaylist {

  private MultivariantPlaylist() {}

  public static String write(Ladder ladder) {
    return write(ladder, "");
  }

  /**
   * The playlist with {@code query} (e.g. {@code ?from=start}, or empty) appended to every media
   * playlist URI: how a choice made on the multivariant playlist reaches the media playlists, whose
   * URIs a player takes from here.
   */
  public static String write(Ladder ladder, String query) {
    if (!query.isEmpty() && !query.matches("\\?[A-Za-z0-9_=&.-]+")) {
      throw new IllegalArgumentException("not a plain query: " + query);
    }
    StringBuilder out = new StringBuilder(256 * (ladder.renditions().size() + 1));
    out.append("#EXTM3U\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (Rendition source : ladder.audioSources()) {
      audioRendition(out, source, query);
    }
    for (Rendition r : ladder.renditions()) {
      variant(out, r, ladder.audioSourceFor(r), query);
    }
    return out.toString();
  }

  /**
   * A group of one audio rendition. DEFAULT and AUTOSELECT let players pick it without asking;
   * CHANNELS is what rfc8216bis 4.4.6.1 asks of every audio rendition.
   */
  private static void audioRendition(StringBuilder out, Rendition source, String query) {
    out.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"")
        .append(groupId(source))
        .append("\",NAME=\"main\",DEFAULT=YES,AUTOSELECT=YES,CHANNELS=\"")
        .append(source.audio().channels())
        .append("\",URI=\"")
        .append(new MediaPath.TrackPlaylist(TrackRef.audio(source)).path())
        .append(query)
        .append("\"\n");
  }

  /**
   * BANDWIDTH is the video's peak plus the audio's rate: rfc8216bis 4.4.6.2 defines it as the
   * largest sum of peak segment bit rates of any playable combination of renditions, and the
   * variant always plays with its audio group. AVERAGE-BANDWIDTH sums the averages the same way.
   * FRAME-RATE has three decimals, as 4.4.6.2 prescribes.
   */
  private static void variant(StringBuilder out, Rendition r, Rendition audioSource, String query) {
    VideoTrack video = r.video();
    AudioTrack audio = audioSource.audio();
    out.append("#EXT-X-STREAM-INF:BANDWIDTH=")
        .append(video.peakBandwidth() + audio.bandwidth())
        .append(",AVERAGE-BANDWIDTH=")
        .append(video.averageBandwidth() + audio.bandwidth())
        .append(",CODECS=\"")
        .append(video.codecs())
        .append(',')
        .append(audio.codecs())
        .append("\",RESOLUTION=")
        .append(video.width())
        .append('x')
        .append(video.height())
        .append(",FRAME-RATE=")
        .append(video.frameRate().toDecimal3())
        .append(",AUDIO=\"")
        .append(groupId(audioSource))
        .append("\"\n")
        .append(new MediaPath.TrackPlaylist(TrackRef.video(r)).path())
        .append(query)
        .append('\n');
  }

  private static String groupId(Rendition audioSource) {
    return "audio-" + audioSource.name();
  }
}
