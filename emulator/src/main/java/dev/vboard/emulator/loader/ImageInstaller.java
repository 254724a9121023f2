package dev.vboard.emulator.loader;

import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@link LoadedImage} into guest memory, after checking that every segment fits in the
 * board's loadable memory (its RAM and ROM regions). Checking first means a too-big image is
 * refused with one clear line before any byte is written, instead of half-loading.
 */
public final class ImageInstaller {

  private ImageInstaller() { }

  /** Refuses the image unless each segment lies inside one span of adjacent {@code ranges}. */
  public static void checkFits(LoadedImage image, List<MemoryRange> ranges)
      throws ImageFormatException {
    List<long[]> spans = spans(ranges);
    for (ImageSegment s : image.segments()) {
      boolean fits = spans.stream()
          .anyMatch(span -> s.address() >= span[0] && s.end() <= span[1]);
      if (!fits) {
        throw new ImageFormatException(String.format(
            "image does not fit the board's memory: %d bytes at 0x%08x-0x%08x are outside %s",
            s.length(), s.address(), s.end() - 1, describe(ranges)));
      }
    }
  }

  /** Checks the fit, then copies every segment into {@code memory}. */
  public static void install(LoadedImage image, List<MemoryRange> ranges, GuestMemory memory)
      throws ImageFormatException {
    checkFits(image, ranges);
    for (ImageSegment s : image.segments()) {
      try {
        memory.write(s.address(), s.data());
      } catch (GuestAccessException e) {
        throw new ImageFormatException("image does not fit the board's memory: " + e.getMessage());
      }
    }
  }

  /** Merges touching or overlapping ranges into [start, end) spans. */
  private static List<long[]> spans(List<MemoryRange> ranges) {
    List<MemoryRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(MemoryRange::base));
    List<long[]> spans = new ArrayList<>();
    for (MemoryRange r : sorted) {
      long[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last != null && r.base() <= last[1]) {
        last[1] = Math.max(last[1], r.end());
      } else {
        spans.add(new long[] {r.base(), r.end()});
      }
    }
    return spans;
  }

  private static String describe(List<MemoryRange> ranges) {
    if (ranges.isEmpty()) {
      return "(no loadable memory)";
    }
    StringBuilder sb = new StringBuilder();
    for (MemoryRange r : ranges) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(String.format("%s 0x%08x-0x%08x", r.name(), r.base(), r.end() - 1));
    }
    return sb.toString();
  }
}
