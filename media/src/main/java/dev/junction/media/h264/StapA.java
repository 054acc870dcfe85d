package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * STAP-A, single-time aggregation packet type A (RFC 6184 §5.7.1): several NAL units of one
 * access unit in one RTP payload, each behind a 16-bit size. Figure 7 of the RFC, an SPS and a
 * PPS aggregated:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          RTP Header                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |STAP-A NAL HDR |         NALU 1 Size           | NALU 1 HDR    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         NALU 1 Data                           |
 * :                                                               :
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               | NALU 2 Size                   | NALU 2 HDR    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         NALU 2 Data                           |
 * :                                                               :
 * |                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               :...OPTIONAL RTP padding        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The STAP-A header's F is set if any aggregated unit's F is, and its NRI is the largest of
 * their NRIs (§5.3, §5.7).
 */
final class StapA {

  static final int TYPE = 24;

  private StapA() {}

  /** Payload bytes of a STAP-A holding these units. */
  static int size(List<NalUnit> units) {
    int size = 1;
    for (NalUnit unit : units) {
      size += 2 + unit.size();
    }
    return size;
  }

  static Bytes build(List<NalUnit> units) {
    int forbidden = 0;
    int nri = 0;
    for (NalUnit unit : units) {
      forbidden |= unit.header() & 0x80;
      nri = Math.max(nri, unit.header() & 0x60);
    }
    Bytes.Builder out = Bytes.builder(size(units));
    out.writeByte(forbidden | nri | TYPE);
    for (NalUnit unit : units) {
      out.writeShort(unit.size()).write(unit.bytes());
    }
    return out.build();
  }

  /** The NAL units of a STAP-A payload, sharing its storage. */
  static List<NalUnit> parse(Bytes payload) throws H264ParseException {
    List<NalUnit> units = new ArrayList<>(2);
    int at = 1;
    while (at < payload.size()) {
      if (payload.size() - at < 2) {
        throw new H264ParseException("STAP-A ends with 1 byte where a 16-bit NALU size belongs (RFC 6184 §5.7.1)");
      }
      int size = payload.getUnsigned(at) << 8 | payload.getUnsigned(at + 1);
      at += 2;
      if (size == 0) {
        throw new H264ParseException("STAP-A NALU size 0: a NAL unit has at least its header byte");
      }
      if (size > payload.size() - at) {
        throw new H264ParseException("STAP-A NALU size " + size + " exceeds the " + (payload.size() - at) + " bytes left");
      }
      units.add(new NalUnit(payload.slice(at, at + size)));
      at += size;
    }
    if (units.isEmpty()) {
      throw new H264ParseException("STAP-A without NAL units (RFC 6184 §5.7.1 aggregates one or more)");
    }
    return units;
  }
}
