package dev.vboard.netstack.transport.service;

/**
 * A session whose output is a queue filled by the service: covers echo (input goes back out),
 * discard (input is ignored) and the one-shot services (a message, then close).
 */
final class QueuedSession implements StreamSession {
  private final ByteQueue pending = new ByteQueue();
  private final boolean echo;
  private final boolean closeAfterGreeting;

  QueuedSession(byte[] greeting, boolean echo, boolean closeAfterGreeting) {
    pending.add(greeting);
    this.echo = echo;
    this.closeAfterGreeting = closeAfterGreeting;
  }

  @Override
  public void receive(byte[] data, long nowNs) {
    if (echo) {
      pending.add(data);
    }
  }

  @Override
  public byte[] read(int max) {
    return pending.take(max);
  }

  @Override
  public boolean closeWhenDrained() {
    return closeAfterGreeting;
  }
}
