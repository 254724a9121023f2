package dev.vboard.netstack.wire;

/** EtherType values this stack knows (IEEE Registration Authority list). */
public final class EtherType {
  public static final int IPV4 = 0x0800;
  public static final int ARP = 0x0806;
  public static final int IPV6 = 0x86dd;

  /** Values at or below 1500 are an IEEE 802.3 length, not a type (IEEE 802.3 clause 3.2.6). */
  public static final int MAX_LENGTH_FIELD = 1500;

  private EtherType() { }
}
