package dev.vboard.emulator.board;

/**
 * Numbers as board files write them: decimal, {@code 0x} hex, with optional {@code _} digit
 * separators, and for sizes a binary {@code K}/{@code M}/{@code G} suffix ({@code 16K} = 16384).
 */
final class Numbers {
  private Numbers() { }

  /** Parses {@code text}; throws {@link NumberFormatException} with a short reason. */
  static long parse(String text) {
    String s = text.trim().replace("_", "");
    if (s.isEmpty()) {
      throw new NumberFormatException("empty number");
    }
    long scale = 1;
    char last = Character.toUpperCase(s.charAt(s.length() - 1));
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      switch (last) {
        case 'K' -> scale = 1L << 10;
        case 'M' -> scale = 1L << 20;
        case 'G' -> scale = 1L << 30;
        default -> scale = 1;
      }
      if (scale != 1) {
        s = s.substring(0, s.length() - 1);
      }
    }
    long value;
    if (s.startsWith("0x") || s.startsWith("0X")) {
      value = Long.parseUnsignedLong(s.substring(2), 16);
    } else {
      value = Long.parseLong(s);
    }
    return Math.multiplyExact(value, scale);
  }
}
