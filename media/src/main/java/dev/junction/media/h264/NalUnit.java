package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import java.util.Objects;

/**
 * One NAL unit: the header byte and the payload, emulation-prevention bytes included, exactly as
 * RTP carries it (RFC 6184 §5.3). No start code.
 *
 * <pre>
 * +---------------+
 * |0|1|2|3|4|5|6|7|
 * +-+-+-+-+-+-+-+-+
 * |F|NRI|  Type   |
 * +---------------+
 * </pre>
 *
 * F ({@code forbidden_zero_bit}) is not checked: RFC 6184 §5.3 lets a network element set it to
 * flag bit errors, and a relay passes it on.
 *
 * @param bytes the NAL unit, at least the header byte
 */
public record NalUnit(Bytes bytes) {

  public NalUnit {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.isEmpty()) {
      throw new IllegalArgumentException("a NAL unit has at least its header byte");
    }
  }

  /** A NAL unit of these bytes (copied). */
  public static NalUnit of(byte... bytes) {
    return new NalUnit(Bytes.of(bytes));
  }

  /** A NAL unit from hex digits, for tests. */
  public static NalUnit fromHex(String hex) {
    return new NalUnit(Bytes.fromHex(hex));
  }

  /** The header byte, 0–255. */
  public int header() {
    return bytes.getUnsigned(0);
  }

  public NalUnitType type() {
    return NalUnitType.of(header() & 0x1f);
  }

  /** {@code nal_ref_idc} (NRI), 0–3: 0 means no reference picture depends on it. */
  public int nalRefIdc() {
    return header() >>> 5 & 3;
  }

  public boolean forbiddenBit() {
    return (header() & 0x80) != 0;
  }

  /** Everything after the header byte, emulation prevention still in. */
  public Bytes payload() {
    return bytes.slice(1);
  }

  /** Bytes including the header. */
  public int size() {
    return bytes.size();
  }

  @Override
  public String toString() {
    return type() + "(" + size() + " bytes)";
  }
}
