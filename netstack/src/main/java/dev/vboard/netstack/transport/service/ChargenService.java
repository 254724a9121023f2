package dev.vboard.netstack.transport.service;

/**
 * Character generator (RFC 864): the RFC's rotating pattern of the 95 printable ASCII characters,
 * 72 per line, each line starting one character later than the one before.
 *
 * <p>UDP: the RFC asks for "a random number (between 0 and 512) of characters"; to stay
 * deterministic every reply is the next {@link #LINES_PER_DATAGRAM} lines (444 bytes) of the
 * pattern, continuing where the previous reply stopped. TCP: an endless stream of the pattern
 * until the client closes.
 */
public final class ChargenService implements VirtualService {
  public static final int PORT = 19;
  static final int LINE_CHARS = 72;
  static final int LINES_PER_DATAGRAM = 6;
  private static final int FIRST = 0x20;
  private static final int COUNT = 95;
  private static final int LINE_LEN = LINE_CHARS + 2;

  private int udpLine;

  /** Line {@code n} of the pattern, with CR LF. */
  static byte[] line(int n) {
    byte[] out = new byte[LINE_LEN];
    int start = Math.floorMod(n, COUNT);
    for (int i = 0; i < LINE_CHARS; i++) {
      out[i] = (byte) (FIRST + (start + i) % COUNT);
    }
    out[LINE_CHARS] = '\r';
    out[LINE_CHARS + 1] = '\n';
    return out;
  }

  @Override
  public String name() {
    return "chargen";
  }

  @Override
  public int port() {
    return PORT;
  }

  @Override
  public byte[] answerDatagram(byte[] request, long nowNs) {
    byte[] out = new byte[LINES_PER_DATAGRAM * LINE_LEN];
    for (int i = 0; i < LINES_PER_DATAGRAM; i++) {
      System.arraycopy(line(udpLine), 0, out, i * LINE_LEN, LINE_LEN);
      udpLine = (udpLine + 1) % COUNT;
    }
    return out;
  }

  @Override
  public StreamSession openStream(long nowNs) {
    return new PatternSession();
  }

  /** An endless pattern stream; input is discarded (RFC 864). */
  private static final class PatternSession implements StreamSession {
    private long position;

    @Override
    public void receive(byte[] data, long nowNs) {
    }

    @Override
    public byte[] read(int max) {
      byte[] out = new byte[Math.max(max, 0)];
      for (int i = 0; i < out.length; i++, position++) {
        int lineNo = (int) (position / LINE_LEN % COUNT);
        int col = (int) (position % LINE_LEN);
        out[i] = col < LINE_CHARS ? (byte) (FIRST + (lineNo + col) % COUNT)
            : col == LINE_CHARS ? (byte) '\r' : (byte) '\n';
      }
      return out;
    }

    @Override
    public boolean closeWhenDrained() {
      return false;
    }
  }
}
