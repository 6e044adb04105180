package io.onair.rtmp.amf;

import java.util.List;
import java.util.Map;

/**
 * An AMF3 array with both an associative and a dense part (AMF3 3.11). An array with only one part
 * decodes as {@link AmfEcmaArray} or {@link AmfStrictArray}. AMF0 cannot carry both parts, so the
 * AMF0 encoder switches to AMF3 for it.
 *
 * @param properties the associative part in wire order
 * @param dense the dense part
 */
public record AmfMixedArray(Map<String, AmfValue> properties, List<AmfValue> dense)
    implements AmfMembers {

  public AmfMixedArray {
    properties = AmfProperties.copyOf(properties);
    dense = List.copyOf(dense);
  }
}
