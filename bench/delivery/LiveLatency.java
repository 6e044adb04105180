import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon a live LL-HLS track lists what the packager makes: follows a media playlist with
 * blocking reloads for the next part (as a low-latency player does) and, for each part and each
 * segment, measures when its listing arrived against when its last frame was due, which is its
 * program date-time plus its duration (the publisher sends in real time; media time 0 is when the
 * server saw the first frame). Also prints how long each blocking request was held.
 *
 * <p>Usage: java LiveLatency.java &lt;track playlist URL&gt; &lt;user&gt; &lt;password&gt; &lt;parts&gt;
 */
public class LiveLatency {

  private static final Pattern HINT =
      Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"(\\d+)\\.(\\d+)\\.m4s\"");

  public static void main(String[] args) throws Exception {
    URI playlist = URI.create(args[0]);
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
    int rounds = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newHttpClient();
    List<Long> partDelays = new ArrayList<>();
    List<Long> segmentDelays = new ArrayList<>();
    List<Long> holds = new ArrayList<>();
    String body = get(http, playlist, auth);
    long lastComplete = lastSegment(body);
    for (int i = 0; i < rounds; i++) {
      Matcher hint = HINT.matcher(body);
      if (!hint.find()) {
        throw new IllegalStateException("no preload hint in\n" + body);
      }
      long msn = Long.parseLong(hint.group(1));
      int part = Integer.parseInt(hint.group(2));
      long asked = System.nanoTime();
      body = get(http, URI.create(playlist + "?_HLS_msn=" + msn + "&_HLS_part=" + part), auth);
      Instant arrived = Instant.now();
      holds.add((System.nanoTime() - asked) / 1_000_000);
      Instant partEnd = partEnd(body, msn, part);
      if (partEnd != null) {
        partDelays.add(partEnd.until(arrived, ChronoUnit.MILLIS));
      }
      // A segment completes with its last part: measured when the answer first lists it.
      long complete = lastSegment(body);
      if (complete > lastComplete && lastComplete >= 0) {
        Instant segmentEnd = segmentEnd(body, complete);
        if (segmentEnd != null) {
          segmentDelays.add(segmentEnd.until(arrived, ChronoUnit.MILLIS));
        }
      }
      lastComplete = complete;
    }
    print("part_listed_after_its_last_frame_ms", partDelays);
    print("segment_listed_after_its_last_frame_ms", segmentDelays);
    print("blocking_reload_held_ms", holds);
  }

  private static String get(HttpClient http, URI uri, String auth) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** The program date-time of segment {@code msn} plus the durations of parts 0..part. */
  private static Instant partEnd(String playlist, long msn, int part) {
    Matcher block =
        Pattern.compile(
                "#EXT-X-PROGRAM-DATE-TIME:(\\S+)\\n((?:#EXT-X-PART:[^\\n]*\\n)*)(?:#EXTINF|#EXT-X-PRELOAD)")
            .matcher(playlist);
    while (block.find()) {
      Matcher parts =
          Pattern.compile("DURATION=([0-9.]+),URI=\"(\\d+)\\.(\\d+)\\.m4s\"").matcher(block.group(2));
      double seconds = 0;
      while (parts.find()) {
        seconds += Double.parseDouble(parts.group(1));
        if (Long.parseLong(parts.group(2)) == msn && Integer.parseInt(parts.group(3)) == part) {
          return Instant.parse(block.group(1)).plusMillis(Math.round(seconds * 1000));
        }
      }
    }
    return null;
  }

  private static long lastSegment(String playlist) {
    Matcher segment = Pattern.compile("(?m)^(\\d+)\\.m4s$").matcher(playlist);
    long last = -1;
    while (segment.find()) {
      last = Long.parseLong(segment.group(1));
    }
    return last;
  }

  /** The program date-time of segment {@code msn} plus its EXTINF, if it is complete. */
  private static Instant segmentEnd(String playlist, long msn) {
    Matcher entry =
        Pattern.compile(
                "#EXT-X-PROGRAM-DATE-TIME:(\\S+)\\n(?:#EXT-X-PART:[^\\n]*\\n)*#EXTINF:([0-9.]+),\\n"
                    + msn
                    + "\\.m4s\\n")
            .matcher(playlist);
    if (!entry.find()) {
      return null;
    }
    return Instant.parse(entry.group(1))
        .plusMillis(Math.round(Double.parseDouble(entry.group(2)) * 1000));
  }

  private static void print(String name, List<Long> values) {
    if (values.isEmpty()) {
      System.out.println(name + " n=0");
      return;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    System.out.printf(
        "%s n=%d min=%d p50=%d p95=%d max=%d%n",
        name,
        sorted.size(),
        sorted.get(0),
        sorted.get(sorted.size() / 2),
        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)),
        sorted.get(sorted.size() - 1));
  }
}
