package io.onair.rtmp.command;

import io.onair.rtmp.amf.AmfMembers;
import io.onair.rtmp.amf.AmfProperties;
import io.onair.rtmp.amf.AmfStrictArray;
import io.onair.rtmp.amf.AmfString;
import io.onair.rtmp.amf.AmfValue;
import io.onair.rtmp.flv.Codec;
import java.util.Arrays;

/**
 * What this server tells an Enhanced RTMP client in the connect _result (E-RTMP v1 "Extending
 * NetConnection connect Command", v2 "Enhancing NetConnection connect Command"): the FourCCs it
 * accepts and relays, per codec with the CanForward flag. It decodes nothing itself (transcoding is
 * ffmpeg's), and supports neither the reconnect request, multitrack nor ModEx, so capsEx is 0.
 * Legacy clients, which send neither property, get the legacy reply byte for byte.
 */
final class EnhancedCapabilities {

  /** FourCcInfoMask.CanForward: the server passes the codec through untouched. */
  static final int CAN_FORWARD = 0x04;

  private EnhancedCapabilities() {}

  /** Whether the connect command object asks for them (v1 fourCcList or v2 info maps). */
  static boolean requested(AmfMembers connect) {
    return connect.get("fourCcList").isPresent()
        || connect.get("videoFourCcInfoMap").isPresent()
        || connect.get("audioFourCcInfoMap").isPresent();
  }

  /** Adds fourCcList, the two info maps and capsEx to the _result's properties. */
  static AmfProperties addTo(AmfProperties properties) {
    AmfValue[] fourCcs =
        Arrays.stream(Codec.values()).map(c -> new AmfString(c.fourCc())).toArray(AmfValue[]::new);
    return properties
        .put("fourCcList", AmfStrictArray.of(fourCcs))
        .put("videoFourCcInfoMap", infoMap(Codec.Track.VIDEO))
        .put("audioFourCcInfoMap", infoMap(Codec.Track.AUDIO))
        .put("capsEx", 0);
  }

  private static AmfValue infoMap(Codec.Track track) {
    AmfProperties map = new AmfProperties();
    for (Codec codec : Codec.values()) {
      if (codec.track() == track) {
        map.put(codec.fourCc(), CAN_FORWARD);
      }
    }
    return map.toObject();
  }
}
