package io.onair.streaming.media.cmaf;

/**
 * Codec configuration or media input that cannot be packaged: a truncated SPS, an impossible
 * sampling frequency, a length field pointing past its buffer. It names the field and the value so
 * the single log line that ends a broadcast's packaging says what the encoder sent. It is never
 * thrown for our own faults.
 */
public class MediaFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final transient Object value;

  /**
   * @param field the field at fault, as its spec names it ("pic_width_in_mbs_minus1")
   * @param value the value read
   * @param rule what the value should have been, completing "field value: rule"
   */
  public MediaFormatException(String field, Object value, String rule) {
    super(field + " " + value + ": " + rule);
    this.field = field;
    this.value = value;
  }

  public String field() {
    return field;
  }

  public Object value() {
    return value;
  }
}
