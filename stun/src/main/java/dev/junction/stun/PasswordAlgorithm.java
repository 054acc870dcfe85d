package dev.junction.stun;

import java.util.Objects;

/**
 * PASSWORD-ALGORITHM (RFC 8489 §14.12): the algorithm the client chose for its long-term key,
 * one of those the server offered in PASSWORD-ALGORITHMS. Also the shape of each entry of that
 * list.
 *
 * @param algorithm 16-bit number from the IANA registry: {@link #MD5} or {@link #SHA256} today
 * @param parameters the algorithm's parameters; both registered algorithms have none
 */
public record PasswordAlgorithm(int algorithm, Bytes parameters) implements StunAttribute {

  /** PASSWORD-ALGORITHM. */
  public static final int TYPE = 0x001D;

  /** Algorithm number 0x0001: key = MD5(username ":" realm ":" password). */
  public static final int ALGORITHM_MD5 = 0x0001;

  /** Algorithm number 0x0002: key = SHA-256(username ":" realm ":" password). */
  public static final int ALGORITHM_SHA256 = 0x0002;

  /** MD5, without parameters. */
  public static final PasswordAlgorithm MD5 = new PasswordAlgorithm(ALGORITHM_MD5, Bytes.EMPTY);

  /** SHA-256, without parameters. */
  public static final PasswordAlgorithm SHA256 = new PasswordAlgorithm(ALGORITHM_SHA256, Bytes.EMPTY);

  public PasswordAlgorithm {
    Checks.unsigned16("password algorithm", algorithm);
    Objects.requireNonNull(parameters, "parameters");
    Checks.unsigned16("password algorithm parameters length", parameters.size());
  }

  @Override
  public int type() {
    return TYPE;
  }
}
