package io.onair.streaming.media.manifest.dash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lindstrom.mpd.MPDParser;
import io.lindstrom.mpd.data.AdaptationSet;
import io.lindstrom.mpd.data.MPD;
import io.lindstrom.mpd.data.PresentationType;
import io.lindstrom.mpd.data.Representation;
import io.lindstrom.mpd.data.SegmentTemplate;
import io.onair.streaming.media.manifest.BroadcastTimelines;
import io.onair.streaming.media.manifest.Ladder;
import io.onair.streaming.media.manifest.Ladders;
import io.onair.streaming.media.manifest.LiveSettings;
import io.onair.streaming.media.manifest.Playback;
import io.onair.streaming.media.manifest.Segment;
import io.onair.streaming.media.manifest.TrackFixture;
import io.onair.streaming.media.manifest.TrackRef;
import io.onair.streaming.media.manifest.TrackTimeline;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The MPDs read back twice: with the JDK's XML parser against the rules of the DASH schema for the
 * elements we write (child order, attribute types), and with an independent MPD parser
 * (io.lindstrom:mpd-parser) to check what a DASH client would understand.
 */
class MpdWriterTest {

  private static final String NS = "urn:mpeg:dash:schema:mpd:2011";
  private static final String TIME_URL = "https://onair.example.internal/api/time?format=iso&ms=1";

  private final MpdWriter writer = new MpdWriter(LiveSettings.defaults(), TIME_URL);

  private static BroadcastTimelines landscape(
      java.util.function.Function<TrackFixture, TrackTimeline> f) {
    return Ladders.timelines(Ladders.landscape(), f);
  }

  @Test
  void aLiveWindowIsADynamicMpdWithATimeShiftBufferOfTheWindow() throws Exception {
    MPD mpd =
        new MPDParser().parse(writer.write(landscape(f -> f.live(75, 2)), Playback.LIVE_WINDOW));
    assertThat(mpd.getType()).isEqualTo(PresentationType.DYNAMIC);
    assertThat(mpd.getAvailabilityStartTime())
        .isEqualTo(OffsetDateTime.parse("2026-11-21T09:00:00Z"));
    assertThat(mpd.getPublishTime()).isEqualTo(OffsetDateTime.parse("2026-11-21T09:02:30Z"));
    assertThat(mpd.getTimeShiftBufferDepth()).isEqualTo(Duration.ofMinutes(2));
    assertThat(mpd.getMinimumUpdatePeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(mpd.getMediaPresentationDuration()).isNull();
    assertThat(mpd.getUtcTimings()).hasSize(1);
    assertThat(mpd.getUtcTimings().get(0).getValue()).isEqualTo(TIME_URL);
    assertThat(mpd.getPeriods().get(0).getStart()).isEqualTo(Duration.ZERO);
  }

  @Test
  void everyRepresentationListsItsTracksSegmentsInsideTheWindow() throws Exception {
    BroadcastTimelines live = landscape(f -> f.live(75, 2));
    MPD mpd = new MPDParser().parse(writer.write(live, Playback.LIVE_WINDOW));
    Map<String, Representation> byId = representations(mpd);
    assertThat(byId.keySet())
        .containsExactlyInAnyOrder(
            "video-source", "video-720p", "video-480p", "video-360p", "audio-source", "audio-720p");
    TrackTimeline video =
        live.timeline(new TrackRef("720p", io.onair.streaming.media.manifest.TrackKind.VIDEO));
    assertThat(expand(byId.get("video-720p").getSegmentTemplate()))
        .isEqualTo(listing(video.segments().subList(15, 75)));
    TrackTimeline audio =
        live.timeline(new TrackRef("source", io.onair.streaming.media.manifest.TrackKind.AUDIO));
    assertThat(expand(byId.get("audio-source").getSegmentTemplate()))
        .isEqualTo(listing(audio.segments().subList(15, 75)));
    assertThat(byId.get("video-720p").getSegmentTemplate().getMedia())
        .isEqualTo("720p/video/$Number$.m4s");
    assertThat(byId.get("audio-source").getSegmentTemplate().getInitialization())
        .isEqualTo("source/audio/init.mp4");
  }

  @Test
  void aRungStillWritingItsLastSegmentDoesNotAdvertiseIt() throws Exception {
    Ladder ladder = Ladders.landscape();
    BroadcastTimelines live = Ladders.timelines(ladder, f -> f.live(20, 1));
    Map<TrackRef, TrackTimeline> tracks = new HashMap<>(live.tracks());
    TrackRef lagging = TrackRef.video(ladder.renditions().get(3));
    tracks.put(lagging, TrackFixture.video30().live(19, 3));
    BroadcastTimelines withLag = new BroadcastTimelines(live.startedAt(), ladder, tracks);
    Map<String, Representation> byId =
        representations(new MPDParser().parse(writer.write(withLag, Playback.FROM_START)));
    assertThat(expand(byId.get("video-source").getSegmentTemplate())).hasSize(20);
    assertThat(expand(byId.get("video-360p").getSegmentTemplate())).hasSize(19);
  }

  @Test
  void fromTheStartEveryRepresentationListsEverySegmentWithoutATimeShiftLimit() throws Exception {
    MPD mpd =
        new MPDParser().parse(writer.write(landscape(f -> f.live(75, 2)), Playback.FROM_START));
    assertThat(mpd.getTimeShiftBufferDepth()).isNull();
    for (Representation r : representations(mpd).values()) {
      assertThat(r.getSegmentTemplate().getStartNumber()).isZero();
      assertThat(expand(r.getSegmentTemplate())).hasSize(75);
    }
  }

  @Test
  void anEndedLiveMpdStopsUpdatesAndStatesItsDuration() throws Exception {
    MPD mpd =
        new MPDParser().parse(writer.write(landscape(f -> f.ended(75)), Playback.LIVE_WINDOW));
    assertThat(mpd.getType()).isEqualTo(PresentationType.DYNAMIC);
    assertThat(mpd.getMinimumUpdatePeriod()).isNull();
    assertThat(mpd.getMediaPresentationDuration()).isEqualTo(Duration.ofSeconds(150));
  }

  @Test
  void theReplayIsAStaticMpdWithoutLiveAttributes() throws Exception {
    MPD mpd = new MPDParser().parse(writer.write(landscape(f -> f.ended(75)), Playback.REPLAY));
    assertThat(mpd.getType()).isEqualTo(PresentationType.STATIC);
    assertThat(mpd.getMediaPresentationDuration()).isEqualTo(Duration.ofSeconds(150));
    assertThat(mpd.getAvailabilityStartTime()).isNull();
    assertThat(mpd.getMinimumUpdatePeriod()).isNull();
    assertThat(mpd.getTimeShiftBufferDepth()).isNull();
    assertThat(mpd.getUtcTimings()).isEmpty();
  }

  @Test
  void aReplayOfALiveBroadcastOrOfTracksWithoutSegmentsIsRefused() {
    assertThatThrownBy(() -> writer.write(landscape(f -> f.live(3, 1)), Playback.REPLAY))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> writer.write(landscape(f -> f.live(0, 1)), Playback.LIVE_WINDOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void videoRepresentationsDescribeTheirRendition() throws Exception {
    Document doc = dom(writer.write(landscape(f -> f.live(5, 0)), Playback.LIVE_WINDOW));
    Element source = (Element) doc.getElementsByTagNameNS(NS, "Representation").item(0);
    assertThat(attributes(source))
        .containsEntry("id", "video-source")
        .containsEntry("bandwidth", "6500000")
        .containsEntry("width", "1920")
        .containsEntry("height", "1080")
        .containsEntry("frameRate", "30000/1001")
        .containsEntry("codecs", "avc1.640028");
    Element audioSet = (Element) doc.getElementsByTagNameNS(NS, "AdaptationSet").item(1);
    assertThat(attributes(audioSet))
        .containsEntry("contentType", "audio")
        .containsEntry("mimeType", "audio/mp4")
        .containsEntry("startWithSAP", "1")
        .containsEntry("segmentAlignment", "true");
  }

  /** Child order of the DASH schema's sequences (ISO/IEC 23009-1 Annex B) for what we write. */
  @Test
  void elementsComeInTheSchemasOrder() throws Exception {
    for (Playback playback : List.of(Playback.LIVE_WINDOW, Playback.REPLAY)) {
      Document doc = dom(writer.write(landscape(f -> f.ended(10)), playback));
      Element mpd = doc.getDocumentElement();
      assertThat(mpd.getNamespaceURI()).isEqualTo(NS);
      assertThat(childNames(mpd))
          .isEqualTo(
              playback == Playback.REPLAY ? List.of("Period") : List.of("Period", "UTCTiming"));
      Element period = (Element) mpd.getElementsByTagNameNS(NS, "Period").item(0);
      assertThat(childNames(period)).containsExactly("AdaptationSet", "AdaptationSet");
      NodeList reps = doc.getElementsByTagNameNS(NS, "Representation");
      for (int i = 0; i < reps.getLength(); i++) {
        List<String> children = childNames((Element) reps.item(i));
        assertThat(children).endsWith("SegmentTemplate");
        assertThat(children).isSubsetOf("AudioChannelConfiguration", "SegmentTemplate");
      }
    }
  }

  /**
   * Attribute types of the DASH schema: xs:duration, xs:dateTime, xs:unsignedInt, FrameRateType.
   */
  @Test
  void attributeValuesHaveTheSchemasTypes() throws Exception {
    DatatypeFactory types = DatatypeFactory.newInstance();
    Document doc = dom(writer.write(landscape(f -> f.live(75, 2)), Playback.LIVE_WINDOW));
    Element mpd = doc.getDocumentElement();
    for (String name :
        List.of(
            "minimumUpdatePeriod",
            "timeShiftBufferDepth",
            "suggestedPresentationDelay",
            "maxSegmentDuration",
            "minBufferTime")) {
      assertThat(types.newDuration(mpd.getAttribute(name))).as(name).isNotNull();
    }
    for (String name : List.of("availabilityStartTime", "publishTime")) {
      assertThat(mpd.getAttribute(name))
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(types.newXMLGregorianCalendar(mpd.getAttribute(name)).getTimezone()).isZero();
    }
    NodeList reps = doc.getElementsByTagNameNS(NS, "Representation");
    for (int i = 0; i < reps.getLength(); i++) {
      Element r = (Element) reps.item(i);
      assertThat(Long.parseLong(r.getAttribute("bandwidth"))).isBetween(1L, 0xFFFF_FFFFL);
      if (r.hasAttribute("frameRate")) {
        assertThat(r.getAttribute("frameRate")).matches("[0-9]*[0-9](/[0-9]*[0-9])?");
      }
    }
  }

  @Test
  void theTimeUrlIsEscapedInTheXmlAndReadBackUnchanged() throws Exception {
    String xml = writer.write(landscape(f -> f.live(3, 0)), Playback.LIVE_WINDOW);
    assertThat(xml)
        .contains("value=\"https://onair.example.internal/api/time?format=iso&amp;ms=1\"");
    Element timing = (Element) dom(xml).getElementsByTagNameNS(NS, "UTCTiming").item(0);
    assertThat(timing.getAttribute("schemeIdUri")).isEqualTo("urn:mpeg:dash:utc:http-iso:2014");
    assertThat(timing.getAttribute("value")).isEqualTo(TIME_URL);
  }

  private static Map<String, Representation> representations(MPD mpd) {
    Map<String, Representation> byId = new HashMap<>();
    for (AdaptationSet set : mpd.getPeriods().get(0).getAdaptationSets()) {
      for (Representation r : set.getRepresentations()) {
        assertThat(byId.put(r.getId(), r)).as("duplicate id %s", r.getId()).isNull();
      }
    }
    return byId;
  }

  /** A SegmentTimeline as (number, start, duration) triples, as a DASH client derives them. */
  private static List<List<Long>> expand(SegmentTemplate template) {
    List<List<Long>> segments = new ArrayList<>();
    long number = template.getStartNumber();
    long time = 0;
    for (io.lindstrom.mpd.data.Segment s : template.getSegmentTimeline()) {
      time = s.getT() != null ? s.getT() : time;
      long repeat = s.getR() != null ? s.getR() : 0;
      for (long i = 0; i <= repeat; i++) {
        segments.add(List.of(number++, time, s.getD()));
        time += s.getD();
      }
    }
    return segments;
  }

  private static List<List<Long>> listing(List<Segment> segments) {
    return segments.stream().map(s -> List.of(s.number(), s.startTime(), s.duration())).toList();
  }

  private static Document dom(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<String> childNames(Element parent) {
    List<String> names = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        assertThat(e.getNamespaceURI()).isEqualTo(NS);
        names.add(e.getLocalName());
      }
    }
    return names;
  }

  private static Map<String, String> attributes(Element e) {
    Map<String, String> map = new HashMap<>();
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      map.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
    }
    return map;
  }
}
