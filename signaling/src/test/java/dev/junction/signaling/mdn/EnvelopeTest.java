package dev.junction.signaling.mdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.junction.signaling.Json;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void readsTheRoutingFieldsAndSkipsTheRest() throws Exception {
    Envelope envelope = Envelope.read(
        "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"},\"type\":\"video-offer\",\"name\":\"alice\",\"target\":\"bob\",\"n\":[1,{\"x\":2}]}");
    assertThat(envelope).isEqualTo(new Envelope("video-offer", "alice", true, "bob", true));
  }

  @Test
  void absentFieldsAreNullAndANullTargetIsAbsent() throws Exception {
    assertThat(Envelope.read("{\"type\":\"cursor\",\"target\":null}"))
        .isEqualTo(new Envelope("cursor", null, false, null, false));
  }

  @Test
  void nonStringFieldsAreToldApart() throws Exception {
    Envelope envelope = Envelope.read("{\"type\":7,\"name\":{\"who\":\"alice\"},\"target\":42}");
    assertThat(envelope.type()).isNull();
    assertThat(envelope.hasName()).isTrue();
    assertThat(envelope.nameIsString()).isFalse();
    assertThat(envelope.hasTarget()).isTrue();
    assertThat(envelope.targetIsString()).isFalse();
  }

  @Test
  void onlyOneWellFormedJsonObjectIsAccepted() {
    for (String bad : new String[] {"", "[]", "\"x\"", "{", "{\"type\":\"a\"", "{\"type\":\"a\"} {}", "{\"type\":}"}) {
      assertThatThrownBy(() -> Envelope.read(bad)).as(bad).isInstanceOf(Json.BadJsonException.class);
    }
  }

  @Test
  void aDuplicatedRoutingFieldIsRefused() {
    assertThatThrownBy(() -> Envelope.read("{\"type\":\"x\",\"name\":\"alice\",\"name\":\"mallory\"}"))
        .isInstanceOf(Json.BadJsonException.class)
        .hasMessage("duplicate field 'name'");
  }

  @Test
  void withNameAddsTheSenderAsTheFirstMemberAndKeepsTheRestVerbatim() throws Exception {
    String original = "  {\"type\":\"new-ice-candidate\", \"target\":\"bob\",\"candidate\":{\"sdpMid\":\"0\"}}";
    String stamped = Envelope.withName(original, "al\"ice");
    assertThat(stamped).isEqualTo("  {\"name\":\"al\\\"ice\",\"type\":\"new-ice-candidate\", \"target\":\"bob\",\"candidate\":{\"sdpMid\":\"0\"}}");
    assertThat(new ObjectMapper().readTree(stamped).get("name").asText()).isEqualTo("al\"ice");
  }
}
