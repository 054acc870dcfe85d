package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.bench.Inbound;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class RoomDialectTest {

  @Test
  void nativeSaysHelloWithItsIdentityThenJoinsByRoomAlone() {
    JsonObject hello = new JsonObject(RoomDialect.NATIVE.hello("u7"));
    assertThat(hello.getString("type")).isEqualTo("hello");
    assertThat(hello.getString("identity")).isEqualTo("u7");
    JsonObject join = new JsonObject(RoomDialect.NATIVE.join("r3", "u7"));
    assertThat(join.getString("type")).isEqualTo("join");
    assertThat(join.getString("room")).isEqualTo("r3");
    assertThat(RoomDialect.NATIVE.subProtocols).containsExactly("junction.v1+json");
    assertThat(RoomDialect.NATIVE.acknowledges).isTrue();
  }

  @Test
  void nodeRoomsHasNoHelloAndNamesTheClientInTheJoin() {
    assertThat(RoomDialect.NODE_ROOMS.hello("u7")).isNull();
    JsonObject join = new JsonObject(RoomDialect.NODE_ROOMS.join("r3", "u7"));
    assertThat(join.getString("type")).isEqualTo("join");
    assertThat(join.getString("room")).isEqualTo("r3");
    assertThat(join.getString("name")).isEqualTo("u7");
    assertThat(RoomDialect.NODE_ROOMS.subProtocols).isEmpty();
    assertThat(RoomDialect.NODE_ROOMS.acknowledges).isFalse();
  }

  @Test
  void theTypedDialectsLeaveARoomByNameAndOnlyNativeAnswersTheLeave() {
    for (RoomDialect d : new RoomDialect[] {RoomDialect.NATIVE, RoomDialect.NODE_ROOMS}) {
      JsonObject leave = new JsonObject(d.leave("r3"));
      assertThat(leave.fieldNames()).containsExactlyInAnyOrder("type", "room");
      assertThat(leave.getString("type")).isEqualTo("leave");
      assertThat(leave.getString("room")).isEqualTo("r3");
    }
    assertThat(RoomDialect.NATIVE.leaveAnswered).isTrue(); // with "left"
    assertThat(RoomDialect.NODE_ROOMS.leaveAnswered).isFalse();
  }

  @Test
  void hangingUpIsANativeByeAndJustAClosedSocketForTheNodePeer() {
    assertThat(new JsonObject(RoomDialect.NATIVE.hangUp()).getString("type")).isEqualTo("bye");
    assertThat(RoomDialect.NODE_ROOMS.hangUp()).isNull();
  }

  @Test
  void aRoomMessageCarriesItsSendTimeAndSenderAheadOfThePadding() {
    for (RoomDialect d : new RoomDialect[] {RoomDialect.NATIVE, RoomDialect.NODE_ROOMS}) {
      String text = d.roomMessage("r1", 12, 123456789L, "xxxx");
      JsonObject m = new JsonObject(text);
      assertThat(m.getString("type")).isEqualTo("message");
      assertThat(m.getString("room")).isEqualTo("r1");
      assertThat(m.containsKey("to")).isFalse(); // no recipient: the whole room
      assertThat(m.getJsonObject("data").getLong("benchSentNs")).isEqualTo(123456789L);
      assertThat(m.getJsonObject("data").getInteger("benchFrom")).isEqualTo(12);
      assertThat(text.indexOf("benchSentNs")).isLessThan(text.indexOf("pad"));
    }
  }

  @Test
  void appRtcRegistersWithTheClientIdTheJoinGaveAndHasNoHello() {
    assertThat(RoomDialect.APPRTC.hello("u7")).isNull();
    JsonObject register = new JsonObject(RoomDialect.APPRTC.join("r3", "12345678"));
    assertThat(register.fieldNames()).containsExactlyInAnyOrder("cmd", "roomid", "clientid");
    assertThat(register.getString("cmd")).isEqualTo("register");
    assertThat(register.getString("roomid")).isEqualTo("r3");
    assertThat(register.getString("clientid")).isEqualTo("12345678");
    assertThat(RoomDialect.APPRTC.joinAnswered).isFalse(); // Collider only answers a register to refuse it
    assertThat(RoomDialect.APPRTC.subProtocols).isEmpty();
    assertThat(RoomDialect.APPRTC.acknowledges).isFalse();
    assertThat(RoomDialect.APPRTC.hangUp()).isNull(); // leaving is POST /leave
    assertThat(RoomDialect.APPRTC.leave("r3")).isNull();
  }

  @Test
  void appRtcSendsThePayloadAsAJsonStringThroughCollider() {
    JsonObject send = new JsonObject(RoomDialect.APPRTC.roomMessage("r3", 4, 987654321L, "xx"));
    assertThat(send.fieldNames()).containsExactlyInAnyOrder("cmd", "msg");
    assertThat(send.getString("cmd")).isEqualTo("send");
    JsonObject payload = new JsonObject(send.getString("msg"));
    assertThat(payload.getLong("benchSentNs")).isEqualTo(987654321L);
    assertThat(payload.getInteger("benchFrom")).isEqualTo(4);
    assertThat(payload.getString("pad")).isEqualTo("xx");
  }

  /** What Collider writes: the payload escaped in {@code msg}, as Jackson encodes a string. */
  private static Inbound collider(String msg, String error) {
    return new Inbound(Buffer.buffer(new JsonObject().put("msg", msg).put("error", error).encode()));
  }

  @Test
  void appRtcReadsSendTimeAndSenderFromTheEscapedPayload() {
    String payload = new JsonObject(RoomDialect.APPRTC.roomMessage("r3", 4, 987654321L, "x".repeat(300))).getString("msg");
    Inbound m = collider(payload, "");
    assertThat(RoomDialect.APPRTC.classify(m)).isEqualTo(RoomDialect.Frame.MESSAGE);
    assertThat(m.longValue(RoomDialect.APPRTC.sentKey, -1)).isEqualTo(987654321L);
    assertThat(m.longValue(RoomDialect.APPRTC.fromKey, -1)).isEqualTo(4);
  }

  @Test
  void appRtcTellsRefusalsAndByeFromMessages() {
    assertThat(RoomDialect.APPRTC.classify(collider("", "Client not registered"))).isEqualTo(RoomDialect.Frame.ERROR);
    assertThat(RoomDialect.APPRTC.classify(collider("{\"type\":\"bye\"}", ""))).isEqualTo(RoomDialect.Frame.OTHER);
    Inbound stranger = collider("{\"type\":\"offer\",\"sdp\":\"v=0\"}", "");
    assertThat(RoomDialect.APPRTC.classify(stranger)).isEqualTo(RoomDialect.Frame.MESSAGE);
    assertThat(stranger.longValue(RoomDialect.APPRTC.sentKey, -1)).isEqualTo(-1); // so it counts as malformed
  }

  @Test
  void theTypedDialectsClassifyByType() {
    Inbound joined = new Inbound(Buffer.buffer("{\"seq\":2,\"type\":\"joined\",\"room\":\"r\"}"));
    assertThat(RoomDialect.NATIVE.classify(joined)).isEqualTo(RoomDialect.Frame.JOINED);
    Inbound left = new Inbound(Buffer.buffer("{\"seq\":3,\"type\":\"left\",\"room\":\"r\"}"));
    assertThat(RoomDialect.NATIVE.classify(left)).isEqualTo(RoomDialect.Frame.LEFT);
    Inbound presence = new Inbound(Buffer.buffer("{\"type\":\"peer-joined\",\"room\":\"r\"}"));
    assertThat(RoomDialect.NODE_ROOMS.classify(presence)).isEqualTo(RoomDialect.Frame.OTHER);
  }

  @Test
  void anAckNamesTheHighestSeq() {
    JsonObject ack = new JsonObject(RoomDialect.ack(57));
    assertThat(ack.getString("type")).isEqualTo("ack");
    assertThat(ack.getLong("ack")).isEqualTo(57);
  }

  @Test
  void dialectNamesAreTheScriptsOnes() {
    assertThat(RoomDialect.parse("native")).isEqualTo(RoomDialect.NATIVE);
    assertThat(RoomDialect.parse("node-rooms")).isEqualTo(RoomDialect.NODE_ROOMS);
    assertThat(RoomDialect.parse("apprtc")).isEqualTo(RoomDialect.APPRTC);
    assertThatThrownBy(() -> RoomDialect.parse("peerjs")).hasMessageContaining("native, node-rooms or apprtc");
  }
}
