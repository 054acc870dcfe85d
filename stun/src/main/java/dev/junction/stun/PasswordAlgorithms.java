package dev.junction.stun;

import java.util.List;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 §14.11): the algorithms a server accepts for long-term keys, in
 * its order of preference. It is sent in 401 and 438 responses and echoed by the client, which
 * lets the server detect a bid-down attack.
 */
public record PasswordAlgorithms(List<PasswordAlgorithm> algorithms) implements StunAttribute {

  /** PASSWORD-ALGORITHMS. */
  public static final int TYPE = 0x8002;

  public PasswordAlgorithms {
    algorithms = List.copyOf(algorithms);
  }

  /** The list of these algorithms. */
  public static PasswordAlgorithms of(PasswordAlgorithm... algorithms) {
    return new PasswordAlgorithms(List.of(algorithms));
  }

  @Override
  public int type() {
    return TYPE;
  }
}
