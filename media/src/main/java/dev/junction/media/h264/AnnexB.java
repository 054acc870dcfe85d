package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte-stream format of H.264 Annex B: NAL units after start codes {@code 00 00 01}, or
 * {@code 00 00 00 01} where a {@code zero_byte} precedes it (B.1.1). What cameras, ffmpeg's
 * {@code -f h264} and RTSP-to-file tools produce.
 *
 * <pre>
 * [leading_zero_8bits] 00 00 01 NAL [trailing_zero_8bits] [00] 00 00 01 NAL ...
 * </pre>
 *
 * Splitting keeps each NAL unit as it is, emulation-prevention bytes ({@code 00 00 03}) included,
 * since RTP carries them (RFC 6184 §5.3). Zero bytes after a NAL unit are {@code trailing_zero_8bits}
 * or the {@code zero_byte} of the next start code, never part of the NAL unit (B.2), and are dropped;
 * a NAL unit cannot end in a zero byte because it ends in {@code rbsp_stop_one_bit} or in
 * {@code cabac_zero_word}s, which are {@code 00 00 03}.
 */
public final class AnnexB {

  private static final Bytes START_CODE = Bytes.of((byte) 0, (byte) 0, (byte) 0, (byte) 1);

  private AnnexB() {}

  /**
   * The NAL units of a byte stream, sharing its storage. Empty start-code pairs are skipped.
   *
   * @throws H264ParseException if anything but zero bytes precedes the first start code
   */
  public static List<NalUnit> split(Bytes stream) throws H264ParseException {
    List<NalUnit> units = new ArrayList<>();
    int size = stream.size();
    int i = 0;
    while (i < size && stream.get(i) == 0) {
      i++;
    }
    if (i == size) {
      return units;
    }
    if (i < 2 || stream.get(i) != 1) {
      throw new H264ParseException("an Annex B stream begins with a start code 00 00 01 after zero bytes (B.1.1); byte "
          + i + " is 0x" + Integer.toHexString(stream.getUnsigned(i)) + " after " + i + " zero bytes");
    }
    int start = i + 1;
    while (start < size) {
      int next = nextStartCode(stream, start);
      int end = next < 0 ? size : next;
      int trimmed = end;
      while (trimmed > start && stream.get(trimmed - 1) == 0) {
        trimmed--;
      }
      if (trimmed > start) {
        units.add(new NalUnit(stream.slice(start, trimmed)));
      }
      if (next < 0) {
        break;
      }
      start = next + 3;
    }
    return units;
  }

  /** The index of the next {@code 00 00 01} at or after {@code from}, or -1. */
  private static int nextStartCode(Bytes stream, int from) {
    int size = stream.size();
    for (int i = from; i + 2 < size; i++) {
      if (stream.getUnsigned(i + 2) > 1) {
        i += 2; // neither of the next two positions can start 00 00 01 ending at i + 2
        continue;
      }
      if (stream.get(i) == 0 && stream.get(i + 1) == 0 && stream.get(i + 2) == 1) {
        return i;
      }
    }
    return -1;
  }

  /** A byte stream of these NAL units, each after a 4-byte start code. */
  public static Bytes join(List<NalUnit> units) {
    int size = 0;
    for (NalUnit unit : units) {
      size += START_CODE.size() + unit.size();
    }
    Bytes.Builder out = Bytes.builder(size);
    for (NalUnit unit : units) {
      out.write(START_CODE).write(unit.bytes());
    }
    return out.build();
  }
}
