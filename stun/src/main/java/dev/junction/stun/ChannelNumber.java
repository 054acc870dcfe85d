package dev.junction.stun;

/**
 * CHANNEL-NUMBER (RFC 8656): the channel a ChannelBind request binds to a peer. Any 16-bit
 * value decodes; only 0x4000–0x4FFF are valid channels, and a server answers others with 400.
 *
 * @param channel 16-bit
 */
public record ChannelNumber(int channel) implements StunAttribute {

  /** CHANNEL-NUMBER. */
  public static final int TYPE = 0x000C;

  /** The lowest valid channel number. */
  public static final int MIN_CHANNEL = 0x4000;

  /** The highest valid channel number (RFC 8656 narrowed RFC 5766's 0x7FFE). */
  public static final int MAX_CHANNEL = 0x4FFF;

  public ChannelNumber {
    Checks.unsigned16("CHANNEL-NUMBER", channel);
  }

  /** Whether the number is in the range RFC 8656 allows. */
  public boolean isValidChannel() {
    return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL;
  }

  @Override
  public int type() {
    return TYPE;
  }
}
