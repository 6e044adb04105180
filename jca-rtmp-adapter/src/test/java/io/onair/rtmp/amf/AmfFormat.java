package io.onair.rtmp.amf;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Each format's codec and vector table, for the tests that run the same checks on both. */
enum AmfFormat {
  AMF0(Amf0Decoder::new, new Amf0Encoder(Amf0Encoder.Repeats.REFERENCE), Amf0Vectors::all),
  AMF3(Amf3Decoder::new, new Amf3Encoder(), Amf3Vectors::all);

  private final Function<AmfLimits, AmfDecoder> decoders;
  final AmfEncoder encoder;
  private final Supplier<List<AmfVector>> vectors;

  AmfFormat(
      Function<AmfLimits, AmfDecoder> decoders,
      AmfEncoder encoder,
      Supplier<List<AmfVector>> vectors) {
    this.decoders = decoders;
    this.encoder = encoder;
    this.vectors = vectors;
  }

  AmfDecoder decoder(AmfLimits limits) {
    return decoders.apply(limits);
  }

  List<AmfVector> vectors() {
    return vectors.get();
  }

  byte[] encode(List<AmfValue> values) {
    return encoder.encodeAll(values.toArray(AmfValue[]::new));
  }
}
