package io.onair.streaming.media.cmaf;

import io.onair.rtmp.api.MediaFrame;
import io.onair.rtmp.api.MediaFrame.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recorded FLV file read into what the RTMP hub hands the packager: the AVC and AAC sequence
 * headers as track formats, then the frames in file order with their timestamps converted as the
 * live path converts them (video ms x 90, audio by {@link AudioTimeline}). Test code, so it reads
 * only what the sample contains: legacy AVC and AAC tags (Adobe FLV 10.1 E.4).
 */
public final class FlvFile {

  private static final int TAG_AUDIO = 8;
  private static final int TAG_VIDEO = 9;

  /** One frame of either track, in file order. */
  record Frame(boolean video, Sample sample) {}

  TrackFormat.Avc video;
  TrackFormat.Aac audio;
  final List<Frame> frames = new ArrayList<>();

  /** The same tags as a live feed hands them out: configurations and frames, in file order. */
  public final List<MediaFrame> feed = new ArrayList<>();

  private AudioTimeline audioTimeline;

  /** The sample's video format, from its AVC sequence header. */
  public TrackFormat.Avc video() {
    return video;
  }

  /** The sample's audio format, from its AAC sequence header. */
  public TrackFormat.Aac audio() {
    return audio;
  }

  public static FlvFile read(String resource) throws IOException {
    try (InputStream in = FlvFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      FlvFile file = new FlvFile();
      file.parse(ByteBuffer.wrap(in.readAllBytes()));
      return file;
    }
  }

  List<Sample> samples(boolean ofVideo) {
    return frames.stream().filter(f -> f.video() == ofVideo).map(Frame::sample).toList();
  }

  private void parse(ByteBuffer in) {
    byte[] signature = new byte[3];
    in.get(signature);
    if (!Arrays.equals(signature, "FLV".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new IllegalArgumentException("not an FLV file");
    }
    in.position(in.getInt(5) + 4); // header, then PreviousTagSize0
    while (in.remaining() >= 11) {
      int type = in.get() & 0x1F;
      int size = u24(in);
      long timestamp = u24(in) | (in.get() & 0xFFL) << 24;
      u24(in); // stream id
      byte[] body = new byte[size];
      in.get(body);
      in.getInt(); // PreviousTagSize
      if (type == TAG_VIDEO) {
        video(timestamp, body);
      } else if (type == TAG_AUDIO) {
        audio(timestamp, body);
      }
    }
  }

  /** VideoTagHeader: frame type and codec id, AVCPacketType, SI24 composition time. */
  private void video(long timestamp, byte[] body) {
    boolean key = (body[0] & 0xF0) >> 4 == 1;
    int packetType = body[1];
    int cts = (body[2] << 16 | (body[3] & 0xFF) << 8 | body[4] & 0xFF);
    byte[] data = Arrays.copyOfRange(body, 5, body.length);
    feed.add(
        new MediaFrame(
            MediaFrame.Track.VIDEO,
            "avc1",
            packetType == 0
                ? Kind.CONFIG
                : packetType == 2 ? Kind.END_OF_SEQUENCE : key ? Kind.KEY : Kind.DELTA,
            timestamp,
            cts,
            false,
            ByteBuffer.wrap(data)));
    if (packetType == 0) {
      video = TrackFormat.avc(data);
    } else if (packetType == 1) {
      int ticks = TrackFormat.VIDEO_TIMESCALE / 1000;
      frames.add(new Frame(true, new Sample(timestamp * ticks, 0, cts * ticks, key, data)));
    }
  }

  /** AudioTagHeader of AAC: 0xAF, then AACPacketType. */
  private void audio(long timestamp, byte[] body) {
    byte[] data = Arrays.copyOfRange(body, 2, body.length);
    feed.add(
        new MediaFrame(
            MediaFrame.Track.AUDIO,
            "mp4a",
            body[1] == 0 ? Kind.CONFIG : Kind.KEY,
            timestamp,
            0,
            false,
            ByteBuffer.wrap(data)));
    if (body[1] == 0) {
      audio = TrackFormat.aac(data);
      audioTimeline = new AudioTimeline(audio);
    } else {
      long decodeTime = audioTimeline.decodeTime(timestamp);
      frames.add(new Frame(false, new Sample(decodeTime, 0, 0, true, data)));
    }
  }

  private static int u24(ByteBuffer in) {
    return (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | in.get() & 0xFF;
  }
}
