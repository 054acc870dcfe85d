package dev.junction.bench.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aRoomMessageCarriesItsSendTimeAheadOfThePadding() {
    String text = RoomDialect.roomMessage("r1", 123456789L, "xxxx");
    JsonObject m = new JsonObject(text);
    assertThat(m.getString("type")).isEqualTo("message");
    assertThat(m.getString("room")).isEqualTo("r1");
    assertThat(m.containsKey("to")).isFalse(); // no recipient: the whole room
    assertThat(m.getJsonObject("data").getLong("benchSentNs")).isEqualTo(123456789L);
    assertThat(text.indexOf("benchSentNs")).isLessThan(text.indexOf("pad"));
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
    assertThatThrownBy(() -> RoomDialect.parse("apprtc")).hasMessageContaining("native or node-rooms");
  }
}
