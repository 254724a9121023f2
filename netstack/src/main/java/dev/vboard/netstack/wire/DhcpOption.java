package dev.vboard.netstack.wire;

/** DHCP option codes used here (RFC 2132) and the message types of option 53. */
public final class DhcpOption {
  public static final int PAD = 0;
  public static final int SUBNET_MASK = 1;
  public static final int ROUTER = 3;
  public static final int DNS_SERVER = 6;
  public static final int REQUESTED_IP = 50;
  public static final int LEASE_TIME = 51;
  public static final int MESSAGE_TYPE = 53;
  public static final int SERVER_ID = 54;
  public static final int PARAMETER_REQUEST_LIST = 55;
  public static final int RENEWAL_TIME = 58;
  public static final int REBINDING_TIME = 59;
  public static final int END = 255;

  /** Option 53 values (RFC 2132 section 9.6). */
  public static final int DISCOVER = 1;
  public static final int OFFER = 2;
  public static final int REQUEST = 3;
  public static final int DECLINE = 4;
  public static final int ACK = 5;
  public static final int NAK = 6;
  public static final int RELEASE = 7;
  public static final int INFORM = 8;

  private DhcpOption() { }
}
