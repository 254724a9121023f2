package dev.vboard.emulator.board;

import java.util.List;

/** The requested board is not in the catalog; the message lists the boards that are. */
public final class UnknownBoardException extends BoardException {
  private static final long serialVersionUID = 1L;
  private final String requested;
  private final List<String> known;

  public UnknownBoardException(String requested, List<String> known) {
    super(String.format("unknown board '%s'; known boards: %s", requested,
        known.isEmpty() ? "(none)" : String.join(", ", known)));
    this.requested = requested;
    this.known = List.copyOf(known);
  }

  public String requested() {
    return requested;
  }

  public List<String> known() {
    return known;
  }
}
