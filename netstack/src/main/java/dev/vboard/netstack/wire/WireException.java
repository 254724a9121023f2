package dev.vboard.netstack.wire;

/**
 * A byte buffer that does not hold a valid packet of the expected protocol.
 *
 * <p>Checked on purpose: every caller that parses guest bytes must decide what a malformed
 * packet means (the iface layer drops and counts it), so nothing malformed can escape as an
 * unchecked exception out of the stack.
 */
public final class WireException extends Exception {
  /** Why the bytes were rejected; the iface layer turns each kind into a drop counter. */
  public enum Kind {
    /** The buffer is shorter than the header or than a length field says. */
    TRUNCATED,
    /** A length field is inconsistent with itself or with the header (too small, odd). */
    BAD_LENGTH,
    /** A checksum does not verify. */
    BAD_CHECKSUM,
    /** A version, hardware type or similar fixed field has a value we do not speak. */
    UNSUPPORTED,
    /** An IPv4 fragment; this stack does not reassemble. */
    FRAGMENTED,
    /** Any other field that violates its specification. */
    MALFORMED
  }

  private final Kind kind;

  public WireException(Kind kind, String detail) {
    super(kind + ": " + detail, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  // The checks build their message only on failure: parsing runs for every guest packet.

  static void check(boolean ok, Kind kind, String detail) throws WireException {
    if (!ok) {
      throw new WireException(kind, detail);
    }
  }

  /** Fails with "{@code label value}". */
  static void check(boolean ok, Kind kind, String label, long value) throws WireException {
    if (!ok) {
      throw new WireException(kind, label + " " + value);
    }
  }

  /** Fails with "{@code label a/b}". */
  static void check(boolean ok, Kind kind, String label, long a, long b) throws WireException {
    if (!ok) {
      throw new WireException(kind, label + " " + a + "/" + b);
    }
  }
}
