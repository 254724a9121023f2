/**
 * The TCP side of the gateway's virtual services: each accepted connection runs one
 * {@link dev.vboard.netstack.transport.service.StreamSession} of a
 * {@link dev.vboard.netstack.transport.service.VirtualService} (the same services UDP offers)
 * through {@link dev.vboard.netstack.transport.tcp.service.StreamServiceApplication}, which adds
 * backpressure and the close rules of RFC 862-867.
 */
package dev.vboard.netstack.transport.tcp.service;
