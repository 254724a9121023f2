package dev.vboard.emulator.semihosting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.util.Arrays;

/** A host file inside the semihosting root, opened by SYS_OPEN. */
final class HostFile implements OpenFile {

  private final FileChannel channel;
  private final boolean append;

  /**
   * @param append every write goes to the end of the file (modes "a", "a+"); done here rather
   *     than with APPEND because Java refuses APPEND together with READ, which "a+" needs
   */
  HostFile(FileChannel channel, boolean append) {
    this.channel = channel;
    this.append = append;
  }

  @Override
  public byte[] read(int max) throws ErrnoException {
    ByteBuffer buf = ByteBuffer.allocate(Math.max(0, max));
    try {
      while (buf.hasRemaining()) {
        if (channel.read(buf) < 0) {
          break;
        }
      }
    } catch (NonReadableChannelException e) {
      throw new ErrnoException(Errno.EBADF, "file not open for reading");
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
    return Arrays.copyOf(buf.array(), buf.position());
  }

  @Override
  public void write(byte[] data) throws ErrnoException {
    ByteBuffer buf = ByteBuffer.wrap(data);
    try {
      if (append) {
        channel.position(channel.size());
      }
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (NonWritableChannelException e) {
      throw new ErrnoException(Errno.EBADF, "file not open for writing");
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  @Override
  public void seek(long position) throws ErrnoException {
    if (position < 0) {
      throw new ErrnoException(Errno.EINVAL, "negative offset");
    }
    try {
      channel.position(position);
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  @Override
  public long length() throws ErrnoException {
    try {
      return channel.size();
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }

  @Override
  public boolean isTty() {
    return false;
  }

  @Override
  public void close() throws ErrnoException {
    try {
      channel.close();
    } catch (IOException e) {
      throw HostErrors.toErrno(e);
    }
  }
}
