package io.onair.rtmp.amf;

import java.util.List;

/**
 * An AMF0 strict array (AMF0 2.12), such as Enhanced RTMP's fourCcList; in AMF3, an array with only
 * a dense part (AMF3 3.11).
 */
public record AmfStrictArray(List<AmfValue> values) implements AmfValue {

  public AmfStrictArray {
    values = List.copyOf(values);
  }

  public static AmfStrictArray of(AmfValue... values) {
    return new AmfStrictArray(List.of(values));
  }
}
