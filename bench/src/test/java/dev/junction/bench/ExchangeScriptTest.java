package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ExchangeScriptTest {

  private final ObjectMapper json = new ObjectMapper();
  private final ExchangeScript script = new ExchangeScript("u0", "u1");

  @Test
  void oneExchangeIsAnOfferAnAnswerAndEightCandidates() {
    assertThat(script.size()).isEqualTo(10);
    assertThat(script.step(0).type()).isEqualTo("video-offer");
    assertThat(script.step(0).fromCaller()).isTrue();
    assertThat(script.step(5).type()).isEqualTo("video-answer");
    assertThat(script.step(5).fromCaller()).isFalse();
    long candidates = java.util.stream.IntStream.range(0, 10).filter(i -> script.step(i).type().equals("new-ice-candidate")).count();
    assertThat(candidates).isEqualTo(ExchangeScript.CANDIDATES);
  }

  @Test
  void messagesAreValidMdnJsonOfRealisticSize() throws Exception {
    for (int i = 0; i < script.size(); i++) {
      ExchangeScript.Step s = script.step(i);
      String text = s.render(System.nanoTime());
      JsonNode m = json.readTree(text);
      String from = s.fromCaller() ? "u0" : "u1";
      String to = s.fromCaller() ? "u1" : "u0";
      assertThat(m.get("type").asText()).isEqualTo(s.type());
      assertThat(m.get("name").asText()).isEqualTo(from);
      assertThat(m.get("target").asText()).isEqualTo(to);
      assertThat(m.get("benchSentNs").isIntegralNumber()).isTrue();
      int bytes = text.length();
      switch (s.type()) {
        case "video-offer" -> {
          assertThat(bytes).isBetween(4300, 4800);
          assertThat(m.at("/sdp/type").asText()).isEqualTo("offer");
          assertThat(m.at("/sdp/sdp").asText()).startsWith("v=0\r\n").contains("m=audio", "m=video", "a=fingerprint");
        }
        case "video-answer" -> {
          assertThat(bytes).isBetween(3800, 4300);
          assertThat(m.at("/sdp/type").asText()).isEqualTo("answer");
        }
        default -> {
          assertThat(bytes).isBetween(200, 320);
          assertThat(m.at("/candidate/candidate").asText()).startsWith("candidate:");
          assertThat(m.at("/candidate/sdpMid").isTextual()).isTrue();
          assertThat(m.at("/candidate/sdpMLineIndex").isInt()).isTrue();
        }
      }
    }
  }

  @Test
  void inboundReadsTypeTimestampAndTargetBackFromTheBytes() {
    ExchangeScript.Step s = script.step(3);
    Inbound m = new Inbound(Buffer.buffer(s.render(1234567890123L)));
    assertThat(m.type()).isEqualTo("new-ice-candidate");
    assertThat(m.longValue(Wire.SENT_KEY, -1)).isEqualTo(1234567890123L);
    assertThat(m.contains(Wire.ascii("\"target\":\"u1\""))).isTrue();
    assertThat(m.contains(Wire.ascii("\"target\":\"u0\""))).isFalse();
  }

  @Test
  void inboundFindsFieldsPastTheHeadWhenARelayReordersThem() {
    String sdp = SdpSamples.jsonString(SdpSamples.offerSdp());
    String reordered = "{\"sdp\":{\"type\":\"offer\",\"sdp\":" + sdp + "},\"type\":\"video-offer\",\"target\":\"u1\",\"benchSentNs\":42}";
    Inbound m = new Inbound(Buffer.buffer(reordered));
    assertThat(m.length()).isGreaterThan(Inbound.HEAD);
    assertThat(m.longValue(Wire.SENT_KEY, -1)).isEqualTo(42);
    assertThat(m.contains(Wire.ascii("\"target\":\"u1\""))).isTrue();
    // a nested "type" comes first here: the reader documents that it takes the first one
    assertThat(m.type()).isEqualTo("offer");
  }

  @Test
  void inboundReadsServerMessages() {
    Inbound id = new Inbound(Buffer.buffer("{\"type\":\"id\",\"id\":1795242732626}"));
    assertThat(id.type()).isEqualTo("id");
    assertThat(id.longValue(Wire.ID_KEY, -1)).isEqualTo(1795242732626L);
    Inbound spaced = new Inbound(Buffer.buffer("{ \"type\": \"userlist\", \"users\": [\"u1\", null] }"));
    assertThat(spaced.type()).isEqualTo("userlist");
    assertThat(spaced.contains(Wire.ascii("\"u1\""))).isTrue();
    assertThat(new Inbound(Buffer.buffer("{\"type\":\"x\"}")).longValue(Wire.ID_KEY, -7)).isEqualTo(-7);
    assertThat(Wire.longValue(Wire.ascii("{\"id\":12"), Wire.ID_KEY, -7)).as("cut off").isEqualTo(-7);
  }

  @Test
  void aLongUserListIsSearchedToTheEnd() {
    StringBuilder b = new StringBuilder("{\"type\":\"userlist\",\"users\":[");
    for (int i = 0; i < 2000; i++) b.append("\"u").append(i).append("\",");
    b.append("\"me\"]}");
    Inbound m = new Inbound(Buffer.buffer(b.toString()));
    assertThat(m.type()).isEqualTo("userlist");
    assertThat(m.contains(Wire.ascii("\"me\""))).isTrue();
    assertThat(m.contains(Wire.ascii("\"you\""))).isFalse();
  }
}
