package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.rtp.Mutator;
import dev.junction.media.rtp.RtpHeader;
import dev.junction.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The H.264 parsers against 100,000 mutated inputs each round: SPS, slice headers, Annex B and
 * RTP payloads for the depacketizer. The only exception is {@link H264ParseException}.
 * {@code -Dh264.fuzz.iterations=...} runs longer, {@code -Dh264.fuzz.seed=...} replays another.
 */
class H264FuzzTest {

  private static final int ITERATIONS = Integer.getInteger("h264.fuzz.iterations", 100_000);
  private static final long SEED = Long.getLong("h264.fuzz.seed", 0x48323634L);

  @Test
  void onlyH264ParseExceptionEscapes() {
    List<byte[]> corpus = new ArrayList<>();
    for (int i = 0; i < 4; i++) { // SPSs weigh more: they have the most syntax to break
      corpus.add(Bytes.fromHex("67640028acd940780227e5c044000003000400000300c83c60c658").toByteArray());
      corpus.add(Bytes.fromHex("674d401eeca05a126c0440000003004000000c87c50a6580").toByteArray());
      corpus.add(Clips.accessUnits(Clips.BASELINE).get(0).nalUnits().get(0).bytes().toByteArray());
    }
    AccessUnit first = Clips.accessUnits(Clips.HIGH).get(0);
    first.nalUnits().forEach(nal -> corpus.add(nal.bytes().slice(0, Math.min(nal.size(), 64)).toByteArray()));
    new H264Packetizer(60).packetize(first).forEach(payload -> corpus.add(payload.toByteArray()));
    new H264Packetizer().packetize(Clips.accessUnits(Clips.BASELINE).get(0))
        .forEach(payload -> corpus.add(payload.slice(0, Math.min(payload.size(), 80)).toByteArray()));
    for (AccessUnit unit : Clips.accessUnits(Clips.HIGH).subList(0, 8)) {
      Bytes stream = AnnexB.join(unit.nalUnits());
      corpus.add(stream.slice(0, Math.min(stream.size(), 120)).toByteArray());
    }
    Mutator mutator = new Mutator(new Random(SEED), corpus);
    H264Depacketizer depacketizer = new H264Depacketizer();
    int[] accepted = new int[3];
    int[] refused = new int[3];

    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutator.next();
      Bytes bytes = Bytes.of(input);
      int parser = 0;
      try {
        if (input.length > 0) {
          NalUnit nal = new NalUnit(bytes);
          int type = nal.type().value();
          if (type == 7) {
            Sps sps = Sps.parse(nal);
            assertThat(sps.width()).isPositive();
            assertThat(sps.height()).isPositive();
            sps.profileLevelId().canonical();
            accepted[parser]++;
          } else if (type == 1 || type == 2 || type == 5) {
            SliceHeader.parse(nal);
            accepted[parser]++;
          }
        }
      } catch (H264ParseException expected) {
        refused[parser]++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError("NAL unit input " + i + " " + bytes.hex(), unexpected);
      }
      parser = 1;
      try {
        AnnexB.split(bytes);
        accepted[parser]++;
      } catch (H264ParseException expected) {
        refused[parser]++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError("Annex B input " + i + " " + bytes.hex(), unexpected);
      }
      parser = 2;
      try {
        // Sequence numbers and markers that make gaps, late packets and timestamp changes too.
        int sequenceNumber = i & 0xFFFF ^ (i % 7 == 0 ? 3 : 0);
        depacketizer.push(RtpPacket.of(RtpHeader.of(96, sequenceNumber, i / 5, 1).withMarker(i % 4 == 0), bytes));
        accepted[parser]++;
      } catch (H264ParseException expected) {
        refused[parser]++;
      } catch (RuntimeException | Error unexpected) {
        throw new AssertionError("RTP payload input " + i + " " + bytes.hex(), unexpected);
      }
    }

    System.out.printf("H.264 fuzz: %,d inputs (seed 0x%x): SPS or slice header %,d/%,d, Annex B %,d/%,d, RTP payload %,d/%,d"
            + " accepted/refused%n", ITERATIONS, SEED, accepted[0], refused[0], accepted[1], refused[1], accepted[2],
        refused[2]);
    for (int parser = 0; parser < 3; parser++) {
      assertThat(accepted[parser]).as("parser %d accepts some", parser).isGreaterThan(ITERATIONS / 200);
      assertThat(refused[parser]).as("parser %d refuses some", parser).isGreaterThan(ITERATIONS / 200);
    }
  }
}
