/**
 * The small services on the gateway (echo, discard, daytime, qotd, chargen), written once as
 * {@link dev.vboard.netstack.transport.service.VirtualService}: UDP asks for one reply per
 * datagram, TCP opens a pull-style {@link dev.vboard.netstack.transport.service.StreamSession}
 * per connection. Deterministic: time is an argument, quotes cycle in order.
 */
package dev.vboard.netstack.transport.service;
