package dev.junction.stun;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 §5): type, transaction id and attributes in wire order. Immutable.
 *
 * <p>Received messages come from {@link StunDecoder}, wrapped in a {@link DecodedMessage} that can
 * also check their integrity. Messages to send are written by a {@link Builder}:
 *
 * <pre>{@code
 * byte[] response = StunMessage.builder(MessageType.BINDING_SUCCESS, request.transactionId())
 *     .add(new XorMappedAddress(source))
 *     .messageIntegrity(key)
 *     .fingerprint()
 *     .encode();
 * }</pre>
 *
 * <p>Any attribute may appear more than once; the accessors here return the first, which is the
 * one that counts: "only the first occurrence needs to be processed by a receiver" (RFC 8489 §14).
 */
public record StunMessage(MessageType type, TransactionId transactionId, List<StunAttribute> attributes) {

  /** Length of the fixed header. */
  public static final int HEADER_LENGTH = 20;

  /** The fixed value of bytes 4–7, which tells RFC 5389+ STUN from RFC 3489 and from other protocols. */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** The largest value of the length field: 16 bits, and always a multiple of 4. */
  public static final int MAX_BODY_LENGTH = 0xFFFC;

  public StunMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(transactionId, "transactionId");
    attributes = List.copyOf(attributes);
  }

  /** Starts a message to send. */
  public static Builder builder(MessageType type, TransactionId transactionId) {
    return new Builder(type, transactionId);
  }

  /**
   * A builder with this message's type, id and attributes, except MESSAGE-INTEGRITY,
   * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT: their values depend on the bytes, so they are
   * computed again by the builder's {@code messageIntegrity}, {@code messageIntegritySha256} and
   * {@code fingerprint}.
   */
  public Builder newBuilder() {
    Builder builder = new Builder(type, transactionId);
    for (StunAttribute attribute : attributes) {
      if (!(attribute instanceof MessageIntegrity
          || attribute instanceof MessageIntegritySha256
          || attribute instanceof Fingerprint)) {
        builder.add(attribute);
      }
    }
    return builder;
  }

  /** The first attribute of this kind, if any. */
  public <A extends StunAttribute> Optional<A> first(Class<A> kind) {
    for (StunAttribute attribute : attributes) {
      if (kind.isInstance(attribute)) {
        return Optional.of(kind.cast(attribute));
      }
    }
    return Optional.empty();
  }

  /** Every attribute of this kind, in order. */
  public <A extends StunAttribute> List<A> all(Class<A> kind) {
    List<A> found = new ArrayList<>();
    for (StunAttribute attribute : attributes) {
      if (kind.isInstance(attribute)) {
        found.add(kind.cast(attribute));
      }
    }
    return found;
  }

  /** Whether the message has an attribute of this kind. */
  public boolean has(Class<? extends StunAttribute> kind) {
    return first(kind).isPresent();
  }

  /**
   * The types of comprehension-required attributes this codec does not know, without repeats:
   * if not empty, a server answers a request with 420 and these types in UNKNOWN-ATTRIBUTES
   * (RFC 8489 §6.3.1). Attributes the codec knows but an agent does not use (an ICE attribute at
   * a TURN server) are the agent's own business.
   */
  public List<Integer> unknownComprehensionRequired() {
    List<Integer> types = new ArrayList<>();
    for (StunAttribute attribute : attributes) {
      if (attribute instanceof UnknownAttribute && attribute.comprehensionRequired() && !types.contains(attribute.type())) {
        types.add(attribute.type());
      }
    }
    return List.copyOf(types);
  }

  /**
   * Writes one message. Attributes go out in the order added; MESSAGE-INTEGRITY,
   * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, if asked for, follow in that order, as RFC 8489 §14
   * requires. Padding is always zero bytes, even in a reused buffer (pjnath's CVE-2020-4067 leaked
   * buffer contents through padding).
   *
   * <p>Not thread-safe; meant to be filled and encoded on one thread. It can be encoded more than
   * once.
   */
  public static final class Builder {

    private final MessageType type;
    private final TransactionId transactionId;
    private final List<StunAttribute> attributes = new ArrayList<>();
    private int[] valueLengths = new int[8];
    private int bodyLength;
    private IntegrityKey messageIntegrity;
    private IntegrityKey messageIntegritySha256;
    private boolean fingerprint;

    private Builder(MessageType type, TransactionId transactionId) {
      this.type = Objects.requireNonNull(type, "type");
      this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
    }

    /**
     * Appends an attribute.
     *
     * @throws IllegalArgumentException for MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and
     *     FINGERPRINT values, which the builder computes itself; or when the message would exceed
     *     the 65,532 bytes its length field can describe
     */
    public Builder add(StunAttribute attribute) {
      Objects.requireNonNull(attribute, "attribute");
      if (attribute instanceof MessageIntegrity) {
        throw new IllegalArgumentException("MESSAGE-INTEGRITY is computed when encoding: use messageIntegrity(key)");
      }
      if (attribute instanceof MessageIntegritySha256) {
        throw new IllegalArgumentException(
            "MESSAGE-INTEGRITY-SHA256 is computed when encoding: use messageIntegritySha256(key)");
      }
      if (attribute instanceof Fingerprint) {
        throw new IllegalArgumentException("FINGERPRINT is computed when encoding: use fingerprint()");
      }
      int valueLength = AttributeEncoder.valueLength(attribute);
      if (valueLength > 0xFFFF) {
        throw new IllegalArgumentException(
            "attribute " + AttributeTypes.describe(attribute.type()) + " value of " + valueLength + " bytes exceeds 65535");
      }
      checkFits(bodyLength + 4 + Wire.padded(valueLength) + trailerLength());
      if (attributes.size() == valueLengths.length) {
        valueLengths = Arrays.copyOf(valueLengths, valueLengths.length * 2);
      }
      valueLengths[attributes.size()] = valueLength;
      attributes.add(attribute);
      bodyLength += 4 + Wire.padded(valueLength);
      return this;
    }

    /** Ends the attributes with MESSAGE-INTEGRITY: HMAC-SHA1 under {@code key}. */
    public Builder messageIntegrity(IntegrityKey key) {
      Objects.requireNonNull(key, "key");
      IntegrityKey previous = messageIntegrity;
      messageIntegrity = key;
      checkFitsOrUndo(() -> messageIntegrity = previous);
      return this;
    }

    /** Adds MESSAGE-INTEGRITY-SHA256 (full 32 bytes) after any MESSAGE-INTEGRITY. */
    public Builder messageIntegritySha256(IntegrityKey key) {
      Objects.requireNonNull(key, "key");
      IntegrityKey previous = messageIntegritySha256;
      messageIntegritySha256 = key;
      checkFitsOrUndo(() -> messageIntegritySha256 = previous);
      return this;
    }

    /** Ends the message with FINGERPRINT, as ICE requires for its checks (RFC 8445). */
    public Builder fingerprint() {
      boolean previous = fingerprint;
      fingerprint = true;
      checkFitsOrUndo(() -> fingerprint = previous);
      return this;
    }

    /** The number of bytes {@link #encode()} returns and {@link #encodeInto} writes. */
    public int encodedLength() {
      return StunMessage.HEADER_LENGTH + bodyLength + trailerLength();
    }

    /** The message's bytes. */
    public byte[] encode() {
      byte[] out = new byte[encodedLength()];
      encodeInto(ByteBuffer.wrap(out));
      return out;
    }

    /**
     * Writes the message at {@code out}'s position and advances it past the message, whatever
     * the buffer's byte order. For a server that encodes into pooled buffers without a copy.
     *
     * @return the number of bytes written, {@link #encodedLength()}
     * @throws IllegalArgumentException if fewer bytes remain; nothing is written then
     */
    public int encodeInto(ByteBuffer out) {
      int length = encodedLength();
      if (out.remaining() < length) {
        throw new IllegalArgumentException(
            "buffer has " + out.remaining() + " bytes remaining, the message needs " + length);
      }
      int start = out.position();
      ByteBuffer bigEndian = out.duplicate().order(ByteOrder.BIG_ENDIAN);
      MessageEncoder.write(bigEndian, type, transactionId, attributes, valueLengths, bodyLength + trailerLength());
      if (messageIntegrity != null) {
        Trailers.appendMessageIntegrity(bigEndian, start, messageIntegrity);
      }
      if (messageIntegritySha256 != null) {
        Trailers.appendMessageIntegritySha256(bigEndian, start, messageIntegritySha256);
      }
      if (fingerprint) {
        Trailers.appendFingerprint(bigEndian, start);
      }
      out.position(start + length);
      return length;
    }

    private int trailerLength() {
      return (messageIntegrity != null ? Trailers.MESSAGE_INTEGRITY_SIZE : 0)
          + (messageIntegritySha256 != null ? Trailers.MESSAGE_INTEGRITY_SHA256_SIZE : 0)
          + (fingerprint ? Trailers.FINGERPRINT_SIZE : 0);
    }

    private void checkFitsOrUndo(Runnable undo) {
      try {
        checkFits(bodyLength + trailerLength());
      } catch (IllegalArgumentException e) {
        undo.run();
        throw e;
      }
    }

    private static void checkFits(int body) {
      if (body > MAX_BODY_LENGTH) {
        throw new IllegalArgumentException(
            "message length would be " + body + " bytes, more than the " + MAX_BODY_LENGTH + " a STUN message can carry");
      }
    }
  }
}
