package dev.junction.signaling;

/**
 * The per-connection message and byte budgets.
 *
 * @param messagesPerSecond sustained messages a second
 * @param messageBurst messages that may arrive at once
 * @param bytesPerSecond sustained bytes a second
 * @param byteBurst bytes that may arrive at once; must hold at least one maximum-size message
 */
public record RateLimits(int messagesPerSecond, int messageBurst, int bytesPerSecond, int byteBurst) {

  public RateLimits {
    requirePositive("messagesPerSecond", messagesPerSecond);
    requirePositive("messageBurst", messageBurst);
    requirePositive("bytesPerSecond", bytesPerSecond);
    requirePositive("byteBurst", byteBurst);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
