package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/** Immutable bytes: copies in, copies out, slices that share, a builder that hands over once. */
class BytesTest {

  @Test
  void factoriesCopyWhatTheyAreGiven() {
    byte[] source = {1, 2, 3};
    Bytes copy = Bytes.of(source);
    source[0] = 9;

    assertThat(copy.get(0)).isEqualTo((byte) 1);
    byte[] out = copy.toByteArray();
    out[1] = 9;
    assertThat(copy.get(1)).isEqualTo((byte) 2);
    assertThat(Bytes.copyOf(new byte[] {0, 7, 8, 0}, 1, 2)).isEqualTo(Bytes.of((byte) 7, (byte) 8));
    assertThat(Bytes.copyOf(new byte[4], 1, 0)).isSameAs(Bytes.EMPTY);
  }

  @Test
  void copyOfABufferLeavesItsPositionAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    buffer.position(1).limit(3);

    assertThat(Bytes.copyOf(buffer)).isEqualTo(Bytes.fromHex("0203"));
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void slicesShareAndCompareByContent() {
    Bytes bytes = Bytes.fromHex("00 11 22 33 44");
    Bytes middle = bytes.slice(1, 4);

    assertThat(middle).isEqualTo(Bytes.fromHex("112233"));
    assertThat(middle.hashCode()).isEqualTo(Bytes.fromHex("112233").hashCode());
    assertThat(middle.slice(1)).isEqualTo(Bytes.fromHex("2233"));
    assertThat(bytes.slice(0, 5)).isSameAs(bytes);
    assertThat(bytes.startsWith(Bytes.fromHex("0011"))).isTrue();
    assertThat(middle.startsWith(Bytes.fromHex("0011"))).isFalse();
    assertThat(middle.getUnsigned(2)).isEqualTo(0x33);
    assertThatThrownBy(() -> middle.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> bytes.slice(3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void copiesOutAndReadOnlyViews() {
    Bytes bytes = Bytes.fromHex("00 11 22 33").slice(1);
    byte[] target = new byte[5];
    bytes.copyTo(target, 1);
    bytes.copyTo(1, target, 4, 1);
    ByteBuffer out = ByteBuffer.allocate(3);
    bytes.writeTo(out);
    ByteBuffer view = bytes.asReadOnlyBuffer();

    assertThat(target).containsExactly(0, 0x11, 0x22, 0x33, 0x22);
    assertThat(out.array()).containsExactly(0x11, 0x22, 0x33);
    assertThat(view.remaining()).isEqualTo(3);
    assertThat(view.get(0)).isEqualTo((byte) 0x11);
    assertThatThrownBy(() -> view.put(0, (byte) 1)).isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void hexTextAndToString() {
    assertThat(Bytes.fromHex("DE ad\nBE ef").hex()).isEqualTo("deadbeef");
    assertThat(Bytes.utf8("ü").hex()).isEqualTo("c3bc");
    assertThat(Bytes.utf8("junction").utf8()).isEqualTo("junction");
    assertThat(Bytes.fromHex("0102").toString()).isEqualTo("[0102]");
    assertThat(Bytes.of(new byte[40]).toString()).endsWith("…](40 bytes)");
    assertThatThrownBy(() -> Bytes.fromHex("abc")).hasMessageContaining("odd number of hex digits: 3");
    assertThatThrownBy(() -> Bytes.fromHex("zz")).hasMessageContaining("not a hex digit at 0: zz");
  }

  @Test
  void builderHandsItsArrayOverOnce() {
    Bytes.Builder builder = Bytes.builder(6);
    Bytes built = builder.writeByte(0x1ff).writeShort(0x12345).write(Bytes.fromHex("aabbcc"), 1, 2)
        .write(Bytes.fromHex("dd")).build();

    assertThat(built).isEqualTo(Bytes.fromHex("ff 2345 bbcc dd"));
    assertThatThrownBy(() -> builder.writeByte(0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("build() was already called");
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Bytes.builder(1).writeShort(0)).hasMessageContaining("capacity 1 exceeded");
    assertThatThrownBy(() -> Bytes.builder(-1)).hasMessageContaining("capacity < 0");
    assertThat(Bytes.builder(0).build()).isSameAs(Bytes.EMPTY);
  }
}
