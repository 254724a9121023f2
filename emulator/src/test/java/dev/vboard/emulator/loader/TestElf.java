package dev.vboard.emulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds small ELF32 files byte by byte, so loader tests control every header field. */
final class TestElf {

  record Segment(int type, long vaddr, long paddr, byte[] file, long memsz) { }

  int elfClass = 1;
  int data = 1;
  int type = ElfLoader.ET_EXEC;
  int machine = ElfLoader.EM_ARM;
  long entry = 0x0000_0101L;
  final List<Segment> segments = new ArrayList<>();

  TestElf load(long paddr, byte[] bytes, long memsz) {
    segments.add(new Segment(ElfLoader.PT_LOAD, paddr, paddr, bytes, memsz));
    return this;
  }

  TestElf load(long vaddr, long paddr, byte[] bytes, long memsz) {
    segments.add(new Segment(ElfLoader.PT_LOAD, vaddr, paddr, bytes, memsz));
    return this;
  }

  TestElf other(int ptype, byte[] bytes) {
    segments.add(new Segment(ptype, 0, 0, bytes, bytes.length));
    return this;
  }

  byte[] build() {
    int phoff = ElfLoader.EHDR_SIZE;
    int dataOff = phoff + segments.size() * ElfLoader.PHDR_SIZE;
    int size = dataOff + segments.stream().mapToInt(s -> s.file().length).sum();
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, (byte) data, 1, 0});
    b.position(16);
    b.putShort((short) type).putShort((short) machine).putInt(1).putInt((int) entry)
        .putInt(phoff).putInt(0).putInt(0x05000200).putShort((short) ElfLoader.EHDR_SIZE)
        .putShort((short) ElfLoader.PHDR_SIZE).putShort((short) segments.size())
        .putShort((short) 40).putShort((short) 0).putShort((short) 0);
    int off = dataOff;
    for (Segment s : segments) {
      b.putInt(s.type()).putInt(off).putInt((int) s.vaddr()).putInt((int) s.paddr())
          .putInt(s.file().length).putInt((int) s.memsz()).putInt(5).putInt(4);
      off += s.file().length;
    }
    for (Segment s : segments) {
      b.put(s.file());
    }
    return b.array();
  }
}
