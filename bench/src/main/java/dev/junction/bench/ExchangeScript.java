package dev.junction.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one call setup between the two members of a pair, in order: the caller's
 * {@code video-offer} and half of the {@code new-ice-candidate}s, then the callee's
 * {@code video-answer} and the other half. A pair replays it in a loop. Each message is stored as
 * the text before and after the send timestamp, so sending costs one concatenation.
 */
final class ExchangeScript {

  /** ICE candidates per exchange (both directions together). */
  static final int CANDIDATES = 8;

  /** One message: who sends it and its text around the {@code benchSentNs} value. */
  record Step(boolean fromCaller, String type, String prefix, String suffix) {
    String render(long sentNs) {
      return prefix + sentNs + suffix;
    }

    int approximateBytes() {
      return prefix.length() + 15 + suffix.length();
    }
  }

  private static final String OFFER_SDP = SdpSamples.jsonString(SdpSamples.offerSdp());
  private static final String ANSWER_SDP = SdpSamples.jsonString(SdpSamples.answerSdp());

  private final List<Step> steps;

  ExchangeScript(String caller, String callee) {
    List<Step> s = new ArrayList<>();
    s.add(step(true, "video-offer", caller, callee, ",\"sdp\":{\"type\":\"offer\",\"sdp\":" + OFFER_SDP + "}}"));
    for (int i = 0; i < CANDIDATES / 2; i++) s.add(candidate(true, caller, callee, i));
    s.add(step(false, "video-answer", callee, caller, ",\"sdp\":{\"type\":\"answer\",\"sdp\":" + ANSWER_SDP + "}}"));
    for (int i = CANDIDATES / 2; i < CANDIDATES; i++) s.add(candidate(false, callee, caller, i));
    this.steps = List.copyOf(s);
  }

  private static Step candidate(boolean fromCaller, String from, String to, int i) {
    return step(fromCaller, "new-ice-candidate", from, to, ",\"candidate\":" + SdpSamples.candidateJson(i) + "}");
  }

  private static Step step(boolean fromCaller, String type, String from, String to, String suffix) {
    // name = the sender's own name: Junction refuses a relayed message that claims another name.
    String prefix = "{\"type\":\"" + type + "\",\"name\":\"" + from + "\",\"target\":\"" + to + "\",\"benchSentNs\":";
    return new Step(fromCaller, type, prefix, suffix);
  }

  int size() {
    return steps.size();
  }

  Step step(int i) {
    return steps.get(i);
  }

  /** Mean message size in bytes over one exchange. */
  double meanBytes() {
    return steps.stream().mapToInt(Step::approximateBytes).average().orElse(0);
  }
}
