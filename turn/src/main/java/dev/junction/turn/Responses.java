package dev.junction.turn;

import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.StunAttribute;
import dev.junction.stun.StunMessage;
import java.util.List;

/**
 * Success and error responses to a request: same transaction id, the method's response type,
 * signed with the request's key when it was authenticated, and always a FINGERPRINT. Never a
 * SOFTWARE attribute: it only makes answers bigger (amplification) and easier to fingerprint.
 */
final class Responses {

  private Responses() {}

  static byte[] success(StunMessage request, IntegrityKey key, List<StunAttribute> attributes) {
    StunMessage.Builder builder = StunMessage.builder(request.type().successResponse(), request.transactionId());
    attributes.forEach(builder::add);
    return sign(builder, key);
  }

  static byte[] error(StunMessage request, int code, String reason, IntegrityKey key, List<StunAttribute> extra) {
    StunMessage.Builder builder = StunMessage.builder(request.type().errorResponse(), request.transactionId())
        .add(new ErrorCode(code, reason));
    extra.forEach(builder::add);
    return sign(builder, key);
  }

  private static byte[] sign(StunMessage.Builder builder, IntegrityKey key) {
    if (key != null) {
      builder.messageIntegrity(key);
    }
    return builder.fingerprint().encode();
  }
}
