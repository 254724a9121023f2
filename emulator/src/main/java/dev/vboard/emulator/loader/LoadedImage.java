package dev.vboard.emulator.loader;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a loader made of an image file: the segments to place in guest memory and, if the file
 * names one, the entry point. The entry is informational only: as with QEMU's armv7m loader the
 * core starts from the vector table (initial SP at word 0, reset handler at word 1), not from it.
 */
public record LoadedImage(ImageFormat format, List<ImageSegment> segments, OptionalLong entry) {

  public LoadedImage {
    segments = List.copyOf(segments);
  }

  /** Total bytes the segments occupy in guest memory. */
  public long totalBytes() {
    return segments.stream().mapToLong(ImageSegment::length).sum();
  }
}
