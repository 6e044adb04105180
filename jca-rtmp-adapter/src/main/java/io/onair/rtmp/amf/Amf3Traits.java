package io.onair.rtmp.amf;

import java.util.List;

/**
 * The traits of an AMF3 object (AMF3 3.12): its class, its sealed member names in order, and
 * whether dynamic members follow. Equal traits are sent once per message and referenced after.
 *
 * @param className the class name; empty for an anonymous object
 */
record Amf3Traits(String className, List<String> sealed, boolean dynamic) {

  /** What an anonymous object has, and what the encoder writes for one: all members dynamic. */
  static final Amf3Traits ANONYMOUS = new Amf3Traits("", List.of(), true);

  Amf3Traits {
    sealed = List.copyOf(sealed);
  }
}
