package io.onair.streaming.media.manifest.dash;

/**
 * The few XML writing steps an MPD needs, indented two spaces a level so golden files read well.
 * Attributes come as name/value pairs; a null value leaves the attribute out. Values are escaped;
 * names are our constants.
 */
final class MpdXml {

  private final StringBuilder out = new StringBuilder(4096);
  private int depth;

  MpdXml() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  MpdXml open(String name, String... attributes) {
    start(name, attributes);
    out.append(">\n");
    depth++;
    return this;
  }

  MpdXml empty(String name, String... attributes) {
    start(name, attributes);
    out.append("/>\n");
    return this;
  }

  MpdXml close(String name) {
    depth--;
    out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    return this;
  }

  String finish() {
    if (depth != 0) {
      throw new IllegalStateException("unclosed elements: " + depth);
    }
    return out.toString();
  }

  private void start(String name, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    out.append("  ".repeat(depth)).append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"");
        escape(attributes[i + 1]);
        out.append('"');
      }
    }
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }
}
